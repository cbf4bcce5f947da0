/**
 * A tiny web app embedding Intercom the documented way, as a team's own app would: Intercom's
 * official install snippet with its real hosts, and its own backend that signs users in (a
 * cookie) and mints the Intercom JWT (HS256, `user_id`, `iat`, `exp`) with the workspace's
 * Messenger secret. Nothing in it knows the harness: the conformance run routes Intercom's hosts
 * to its mock.
 *
 *   INTERCOM_APP_ID     the app_id the page boots with (default mockapp1, the mock's own)
 *   INTERCOM_SECRET     the identity-verification secret the JWTs are signed with (default: the
 *                       mock's default secret, mock-primary-secret-0123456789abcdef)
 *   PORT                where it listens on 127.0.0.1 (default 4321)
 *   JWT_TTL_S / JWT_REFRESH_S  token lifetime and the page's refresh period (default 300 / 240)
 *
 * Run: npx tsx examples/web-url/server.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SignJWT } from 'jose';

const APP_ID = process.env['INTERCOM_APP_ID'] ?? 'mockapp1';
const SECRET = new TextEncoder().encode(process.env['INTERCOM_SECRET'] ?? 'mock-primary-secret-0123456789abcdef');
const PORT = Number(process.env['PORT'] ?? 4321);
const JWT_TTL_S = Number(process.env['JWT_TTL_S'] ?? 300);
const JWT_REFRESH_S = Number(process.env['JWT_REFRESH_S'] ?? 240);
/** The users this app can sign in; the mock's workspace knows the same two. */
const USERS = new Set(['alice', 'bob']);

/** Sessions by cookie value: who is signed in. */
const sessions = new Map<string, string>();

function sessionUser(req: IncomingMessage): string | null {
  const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  return (sid && sessions.get(sid)) ?? null;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of req) body += chunk;
  try {
    return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const json = (res: ServerResponse, status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

/** Intercom's install snippet, verbatim (https://developers.intercom.com/installing-intercom/web/installation). */
const SNIPPET =
  "(function(){var w=window;var ic=w.Intercom;if(typeof ic===\"function\"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src='https://widget.intercom.io/widget/' + APP_ID;var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();";

/** The page's own code: boot on load, sign in and out without a reload, refresh the JWT on a timer. */
const APP_SCRIPT = `
// APP_ID is the page's global the snippet reads.
const REFRESH_MS = ${JWT_REFRESH_S * 1000};
const status = document.getElementById('status');
let refreshes = 0;
let timer = null;

async function post(path, body) {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
}
async function freshJwt() {
  const response = await post('/api/intercom-jwt');
  if (!response.ok) throw new Error('no JWT: ' + response.status);
  return (await response.json()).token;
}
async function refresh() {
  Intercom('update', { intercom_user_jwt: await freshJwt() });
  refreshes += 1;
  document.getElementById('refresh-count').textContent = String(refreshes);
}
async function bootAs(user) {
  clearInterval(timer);
  if (user) {
    Intercom('boot', { app_id: APP_ID, intercom_user_jwt: await freshJwt() });
    timer = setInterval(refresh, REFRESH_MS);
    status.textContent = 'Signed in as ' + user;
  } else {
    Intercom('boot', { app_id: APP_ID });
    status.textContent = 'Signed out';
  }
}
async function logIn(user) {
  await post('/api/login', { user_id: user });
  Intercom('shutdown');
  await bootAs(user);
}
async function logOut() {
  await post('/api/logout');
  clearInterval(timer);
  // Intercom: call shutdown when a user logs out, then boot again as a visitor.
  Intercom('shutdown');
  await bootAs(null);
}
document.getElementById('login-alice').onclick = () => logIn('alice');
document.getElementById('login-bob').onclick = () => logIn('bob');
document.getElementById('logout').onclick = () => logOut();
document.getElementById('refresh-jwt').onclick = () => refresh();
fetch('/api/me').then((r) => r.json()).then((me) => bootAs(me.user_id));
`;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Example app</title></head>
<body>
  <h1>Example app</h1>
  <p id="status">Loading…</p>
  <button id="login-alice">Sign in as alice</button>
  <button id="login-bob">Sign in as bob</button>
  <button id="logout">Log out</button>
  <button id="refresh-jwt">Refresh token</button>
  <p>Token refreshes: <span id="refresh-count">0</span></p>
  <!-- The snippet reads APP_ID; the page boots Intercom itself once it knows who is signed in. -->
  <script>var APP_ID = ${JSON.stringify(APP_ID)};</script>
  <script>${SNIPPET}</script>
  <script>${APP_SCRIPT}</script>
</body></html>`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://app').pathname;
  if (req.method === 'GET' && (path === '/' || path === '/index.html')) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  if (req.method === 'GET' && path === '/api/me') return json(res, 200, { user_id: sessionUser(req) });
  if (req.method === 'POST' && path === '/api/login') {
    const user = (await readJson(req))['user_id'];
    if (typeof user !== 'string' || !USERS.has(user)) return json(res, 400, { error: `unknown user ${JSON.stringify(user)}; this app has ${[...USERS].join(', ')}` });
    const sid = crypto.randomUUID();
    sessions.set(sid, user);
    return void res.writeHead(204, { 'set-cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax` }).end();
  }
  if (req.method === 'POST' && path === '/api/logout') {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (sid) sessions.delete(sid);
    return void res.writeHead(204, { 'set-cookie': 'sid=; Path=/; Max-Age=0' }).end();
  }
  if (req.method === 'POST' && path === '/api/intercom-jwt') {
    const user = sessionUser(req);
    if (!user) return json(res, 401, { error: 'not signed in' });
    // Intercom's JWT for identity verification: the user_id claim, signed HS256 with the Messenger secret.
    const token = await new SignJWT({ user_id: user }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime(`${JWT_TTL_S}s`).sign(SECRET);
    return json(res, 200, { token });
  }
  json(res, 404, { error: `no ${req.method} ${path}` });
});

server.listen(PORT, '127.0.0.1', () => console.log(`example app on http://127.0.0.1:${PORT}/ (app_id ${APP_ID})`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
