import express, { type Request, Router } from 'express';
import { emptyToUndefined, parseOrThrow } from './admin/validation.ts';
import { tokenServiceJwtBody, tokenServiceLoginBody } from './admin/schemas.ts';
import { APP_SESSION_COOKIE } from './constants.ts';
import { issueToken, type MockState } from './state.ts';

/**
 * Stands in for the customer's own backend: sign in as a workspace user (an app session cookie,
 * or the same value as a bearer token for mobile apps), mint a fresh Intercom JWT for whoever is
 * signed in, sign out. Subject apps call it exactly as they would call their real backend.
 */

export function tokenServiceRouter(state: MockState): Router {
  const { appSessions } = state;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.post('/login', (req, res) => {
    const { user_id } = parseOrThrow(tokenServiceLoginBody, req.body, 'body');
    const user = state.workspace.getUser(user_id);
    if (!user) {
      const known = state.workspace.listUsers().map((candidate) => candidate.user_id).join(', ');
      res.status(404).json({ error: `no user "${user_id}" in this workspace (known: ${known})`, field: 'user_id' });
      return;
    }
    const appSession = appSessions.open(user.user_id);
    res.cookie(APP_SESSION_COOKIE, appSession, { httpOnly: true, sameSite: 'lax', path: '/' });
    res.json({ user_id: user.user_id, email: user.email, name: user.name, app_session: appSession });
  });

  router.get('/me', (req, res) => {
    const userId = appSessions.userOf(appSessionOf(req));
    if (!userId) {
      res.status(401).json({ error: 'not signed in' });
      return;
    }
    res.json({ user_id: userId });
  });

  router.post('/jwt', async (req, res) => {
    const body = parseOrThrow(tokenServiceJwtBody, emptyToUndefined(req.body), 'body');
    const userId = appSessions.userOf(appSessionOf(req));
    if (!userId) {
      res.status(401).json({ error: 'not signed in: POST /app-backend/login first' });
      return;
    }
    const email = state.workspace.getUser(userId)?.email ?? undefined;
    const issued = await issueToken(state, { user_id: userId, ...(email ? { email } : {}), ...(body?.ttl_s ? { ttl_s: body.ttl_s } : {}) }, 'token-service');
    res.json({ token: issued.token, fingerprint: issued.fingerprint, user_id: userId, exp: issued.claims['exp'] });
  });

  router.post('/logout', (req, res) => {
    appSessions.close(appSessionOf(req));
    res.clearCookie(APP_SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  return router;
}

function appSessionOf(req: Request): string | undefined {
  const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? (req.cookies as Record<string, string> | undefined)?.[APP_SESSION_COOKIE];
}
