/**
 * One small React single-page app on react-use-intercom, bundled once per pinned version (the
 * 1.5.2 build aliases the import to the npm alias `react-use-intercom-1.5.2`). Its flows, as the
 * library's README shows them (https://github.com/devrnt/react-use-intercom#readme):
 *   page load  `boot()` as a visitor, or `boot({userId, …jwt})` when the backend has a session
 *   sign in    `shutdown()` then `boot({userId, …jwt})` (boot is a no-op while booted)
 *   sign out   `shutdown()`, then a visitor `boot()` so the Messenger stays for visitors
 *              (Intercom: https://www.intercom.com/help/en/articles/170-integrate-intercom-in-a-single-page-app)
 *   refresh    `update({…jwt})` every jwtRefreshS seconds, and on the refresh button
 * The JWT goes in `customAttributes` (raw `intercom_user_jwt`), the one way both versions pass it:
 * 1.5.2 predates the `intercomUserJwt` prop. Written with createElement: the project's tsconfig has no JSX.
 */
import { createElement as h, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntercomProvider, useIntercom } from 'react-use-intercom';
import { backendLogIn, backendLogOut, config, currentUser, freshJwt, markFlow, markRefresh } from '../backend.ts';

const jwtProps = (jwt: string) => ({ customAttributes: { intercom_user_jwt: jwt } });

function App() {
  const { boot, shutdown, update, show } = useIntercom();
  const [user, setUser] = useState<string | null>(null);
  const [status, setStatus] = useState('Loading…');
  const [refreshes, setRefreshes] = useState(0);
  const loaded = useRef(false);

  const settle = useCallback((flow: string, who: string | null) => {
    setUser(who);
    setStatus(who ? `Signed in as ${who}` : flow === 'error' ? 'Error' : 'Visitor');
    markFlow(flow, who);
  }, []);

  const refreshJwt = useCallback(async () => {
    update(jwtProps(await freshJwt()));
    setRefreshes(markRefresh());
  }, [update]);

  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    void (async () => {
      const who = await currentUser();
      if (who) boot({ userId: who, ...jwtProps(await freshJwt()) });
      else boot();
      settle('booted', who);
    })();
  }, [boot, settle]);

  useEffect(() => {
    if (!user) return undefined;
    const timer = setInterval(() => void refreshJwt(), config.jwtRefreshS * 1000);
    return () => clearInterval(timer);
  }, [user, refreshJwt]);

  const logIn = async (who: string) => {
    if (!(await backendLogIn(who))) return settle('error', null);
    const jwt = await freshJwt();
    shutdown();
    boot({ userId: who, ...jwtProps(jwt) });
    settle('logged-in', who);
  };

  const logOut = async () => {
    shutdown();
    await backendLogOut();
    boot();
    settle('logged-out', null);
  };

  const button = (id: string, label: string, onClick: () => unknown) => h('button', { id, key: id, onClick: () => void onClick() }, label);
  return h(
    'main',
    null,
    h('h1', null, 'react-use-intercom ', h('small', null, config.appId)),
    h('p', null, 'Status: ', h('span', { id: 'status' }, status)),
    h(
      'p',
      null,
      button('login-alice', 'Sign in as alice', () => logIn('alice')),
      button('login-bob', 'Sign in as bob', () => logIn('bob')),
      button('logout', 'Log out', logOut),
      button('open-messenger', 'Open messenger', show),
      button('refresh-jwt', 'Refresh token now', refreshJwt),
    ),
    h('p', null, 'Token refreshes: ', h('span', { id: 'refresh-count' }, String(refreshes))),
  );
}

createRoot(document.getElementById('root')!).render(h(IntercomProvider, { appId: config.appId }, h(App)));
