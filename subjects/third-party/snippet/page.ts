/**
 * The page of an Intercom Community report, doing exactly what its code does: on every load it
 * asks the app's backend for a JWT, then `bootIntercom` (shutdown if `window.Intercom` exists,
 * then boot with `api_base: "https://api-iam.intercom.io"`), a visitor boot when signed out.
 * Logout is a backend logout, then a reload; so is sign-in. Source: "Issue with Web Messenger
 * after Intercom('shutdown') and Intercom('boot')",
 * https://community.intercom.com/apps-integrations-25/issue-with-web-messenger-after-intercom-shutdown-and-intercom-boot-11090
 * The only change: its backend call (POST /autenticar) is the token service's /me and /jwt.
 */
import { backendLogIn, backendLogOut, config, currentUser, freshJwt, onClick, setFlow } from '../backend.ts';

type IntercomCall = (command: string, ...args: unknown[]) => unknown;
const w = window as unknown as { Intercom?: IntercomCall };

function bootIntercom(settings: Record<string, unknown>): void {
  if (w.Intercom) {
    w.Intercom('shutdown');
  }
  w.Intercom!('boot', settings);
}

void (async () => {
  let user: string | null = null;
  try {
    user = await currentUser();
    if (user) {
      const token = await freshJwt();
      bootIntercom({
        api_base: 'https://api-iam.intercom.io',
        app_id: config.appId,
        intercom_user_jwt: token,
        session_duration: 86400000,
      });
    } else {
      bootIntercom({
        api_base: 'https://api-iam.intercom.io',
        app_id: config.appId,
      });
    }
  } catch {
    user = null;
    bootIntercom({
      api_base: 'https://api-iam.intercom.io',
      app_id: config.appId,
    });
  }
  setFlow('booted', user);
})();

onClick('login-alice', async () => (await backendLogIn('alice')) && location.reload());
onClick('login-bob', async () => (await backendLogIn('bob')) && location.reload());
onClick('logout', async () => {
  await backendLogOut();
  location.reload();
});
onClick('open-messenger', () => w.Intercom?.('show'));
// No background refresh in the report's page: a new JWT comes with the next page load.
onClick('refresh-jwt', () => location.reload());
