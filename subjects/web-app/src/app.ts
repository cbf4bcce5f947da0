/**
 * The reference web app: sign in through the token service, boot the messenger with the JWT,
 * refresh the JWT in the background, log out. Its variants reproduce integration mistakes
 * reported in public:
 *   correct               shutdown at logout before anything else, then a visitor boot; refresh via update
 *   logout-reload-only    the seed thread's shape: logout and login only reload; every page load
 *                         calls shutdown then boot (docs/intercom-behaviour.md, the web report)
 *   spa-no-shutdown       user switch in a single-page app without shutdown (Intercom help,
 *                         "How do I end a user's session")
 *   refresh-not-forwarded fetches new JWTs but never hands them to the messenger (docs/intercom-behaviour.md, the mobile report)
 *   tracks-logout         correct, written differently: its logout flow still speaks for the user
 *                         (trackEvent('signed-out'), an update) while the backend logout runs, and
 *                         only then shuts the messenger down — Intercom's methods doc allows any
 *                         call before shutdown; the requirement starts at shutdown
 */
import type { AppConfig } from './config.ts';

type IntercomCall = (command: string, ...args: unknown[]) => unknown;
type IntercomStub = IntercomCall & { q: unknown[][] };

const page = window as unknown as { APP_CONFIG: AppConfig; Intercom?: IntercomCall };
const config = page.APP_CONFIG;
const backend = `${config.mockUrl}/app-backend`;
let refreshTimer: ReturnType<typeof setInterval> | null = null;
let refreshCount = 0;
let messengerLoaded = false;

const $ = (id: string): HTMLElement => document.getElementById(id)!;

function setState(flow: string, status: string, user: string | null): void {
  $('status').textContent = status;
  $('signed-in-as').textContent = user ?? '';
  document.body.dataset['flow'] = flow;
  document.body.dataset['user'] = user ?? '';
}

/** The loader's queue stub: calls made before the widget loads wait in `q`. */
function installStub(): void {
  const stub = ((...args: unknown[]) => void stub.q.push(args)) as IntercomStub;
  stub.q = [];
  page.Intercom = stub;
}

/** Loads the widget once, after the first calls are queued, as the npm loader does. */
function loadMessenger(): void {
  if (messengerLoaded) return;
  messengerLoaded = true;
  const script = document.createElement('script');
  script.async = true;
  script.src = `${config.mockUrl}/widget/${encodeURIComponent(config.appId)}${config.widgetQuery}`;
  document.head.appendChild(script);
}

function intercom(command: string, ...args: unknown[]): void {
  page.Intercom!(command, ...args);
}

async function backendCall(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${backend}${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function currentUser(): Promise<string | null> {
  const response = await fetch(`${backend}/me`, { credentials: 'include' });
  return response.ok ? ((await response.json()) as { user_id: string }).user_id : null;
}

async function freshJwt(): Promise<string> {
  const response = await backendCall('/jwt', { ttl_s: config.jwtTtlS });
  if (!response.ok) throw new Error(`token service answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function settings(jwt?: string): Record<string, unknown> {
  return { app_id: config.appId, api_base: config.mockUrl, ...(jwt ? { intercom_user_jwt: jwt } : {}) };
}

function startRefreshing(): void {
  stopRefreshing();
  refreshTimer = setInterval(() => void refreshJwt(), config.jwtRefreshS * 1000);
}

function stopRefreshing(): void {
  if (refreshTimer) clearInterval(refreshTimer);
  refreshTimer = null;
}

async function refreshJwt(): Promise<void> {
  const jwt = await freshJwt();
  if (config.variant !== 'refresh-not-forwarded') intercom('update', { intercom_user_jwt: jwt });
  refreshCount++;
  $('refresh-count').textContent = String(refreshCount);
  document.body.dataset['refreshes'] = String(refreshCount);
}

async function onPageLoad(): Promise<void> {
  installStub();
  const user = await currentUser();
  const jwt = user ? await freshJwt() : undefined;
  if (config.variant === 'logout-reload-only') {
    // The seed's bootIntercom(): shutdown, then boot, on every page load.
    intercom('shutdown');
  }
  intercom('boot', settings(jwt));
  loadMessenger();
  if (user) startRefreshing();
  setState('booted', user ? `Signed in as ${user}` : 'Visitor', user);
}

async function logIn(userId: string): Promise<void> {
  const response = await backendCall('/login', { user_id: userId });
  if (!response.ok) {
    setState('error', `Sign-in failed: ${response.status}`, null);
    return;
  }
  if (config.variant === 'logout-reload-only') {
    location.reload();
    return;
  }
  const jwt = await freshJwt();
  if (config.variant !== 'spa-no-shutdown') intercom('shutdown');
  intercom('boot', settings(jwt));
  startRefreshing();
  setState('logged-in', `Signed in as ${userId}`, userId);
}

async function logOut(): Promise<void> {
  stopRefreshing();
  if (config.variant === 'logout-reload-only') {
    await backendCall('/logout');
    location.reload();
    return;
  }
  if (config.variant === 'tracks-logout') {
    intercom('trackEvent', 'signed-out');
    intercom('update', { last_request_at: Math.floor(Date.now() / 1000) });
    await backendCall('/logout');
    intercom('shutdown');
    intercom('boot', settings());
    setState('logged-out', 'Visitor', null);
    return;
  }
  if (config.variant !== 'spa-no-shutdown') intercom('shutdown');
  await backendCall('/logout');
  intercom('boot', settings());
  setState('logged-out', 'Visitor', null);
}

$('login-alice').addEventListener('click', () => void logIn('alice'));
$('login-bob').addEventListener('click', () => void logIn('bob'));
$('logout').addEventListener('click', () => void logOut());
$('open-messenger').addEventListener('click', () => intercom('show'));
$('refresh-jwt').addEventListener('click', () => void refreshJwt());
void onPageLoad();
