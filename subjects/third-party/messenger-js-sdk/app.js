/**
 * A plain single-page app on @intercom/messenger-js-sdk, used as its README shows
 * (https://github.com/intercom/messenger-js-sdk#readme, the README of the pinned 0.0.20):
 * `Intercom({app_id, user_id?, intercom_user_jwt?})` once on load (the package sets
 * `window.intercomSettings` with its region's `api_base` and loads the real widget URL), then
 * `shutdown()` / `boot()` at sign-in and sign-out, `update()` with each refreshed JWT.
 *
 * JavaScript, as the README writes it, and kept out of tsc: the package's own global `Window`
 * declarations (its types.ts) clash with the local messenger's, which the project type-checks.
 */
// The named export, which the README gives for bundlers that mishandle the default one.
import { Intercom, boot, show, shutdown, update } from '@intercom/messenger-js-sdk';
import { backendLogIn, backendLogOut, config, countRefresh, currentUser, freshJwt, onClick, setFlow } from '../backend.ts';

/** @type {ReturnType<typeof setInterval> | null} */
let refreshTimer = null;

function startRefreshing() {
  stopRefreshing();
  refreshTimer = setInterval(() => void refreshJwt(), config.jwtRefreshS * 1000);
}

function stopRefreshing() {
  if (refreshTimer) clearInterval(refreshTimer);
  refreshTimer = null;
}

async function refreshJwt() {
  update({ intercom_user_jwt: await freshJwt() });
  countRefresh();
}

async function onPageLoad() {
  const user = await currentUser();
  if (user) {
    Intercom({ app_id: config.appId, user_id: user, intercom_user_jwt: await freshJwt() });
    startRefreshing();
  } else {
    Intercom({ app_id: config.appId });
  }
  setFlow('booted', user);
}

/** @param {string} userId */
async function logIn(userId) {
  if (!(await backendLogIn(userId))) {
    setFlow('error', null);
    return;
  }
  const jwt = await freshJwt();
  shutdown();
  boot({ app_id: config.appId, user_id: userId, intercom_user_jwt: jwt });
  startRefreshing();
  setFlow('logged-in', userId);
}

async function logOut() {
  stopRefreshing();
  shutdown();
  await backendLogOut();
  boot({ app_id: config.appId });
  setFlow('logged-out', null);
}

onClick('login-alice', () => logIn('alice'));
onClick('login-bob', () => logIn('bob'));
onClick('logout', logOut);
onClick('open-messenger', show);
onClick('refresh-jwt', refreshJwt);
void onPageLoad();
