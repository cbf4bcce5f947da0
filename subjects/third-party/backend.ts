/**
 * The page's calls to its own backend, as the reference app makes them
 * (subjects/web-app/src/app.ts): sign in, sign out, who is signed in, a fresh Intercom JWT.
 * Browser code, bundled into each third-party page.
 */
import type { ThirdPartyAppConfig } from './app-config.ts';

export const config = (window as unknown as { APP_CONFIG: ThirdPartyAppConfig }).APP_CONFIG;

async function post(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${config.backendUrl}${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function backendLogIn(userId: string): Promise<boolean> {
  return (await post('/login', { user_id: userId })).ok;
}

export async function backendLogOut(): Promise<void> {
  await post('/logout');
}

export async function currentUser(): Promise<string | null> {
  const response = await fetch(`${config.backendUrl}/me`, { credentials: 'include' });
  return response.ok ? ((await response.json()) as { user_id: string }).user_id : null;
}

export async function freshJwt(): Promise<string> {
  const response = await post('/jwt', { ttl_s: config.jwtTtlS });
  if (!response.ok) throw new Error(`token service answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The flags the subject's steps wait on: `data-flow` and `data-user` on the body. */
export function markFlow(flow: string, user: string | null): void {
  document.body.dataset['flow'] = flow;
  document.body.dataset['user'] = user ?? '';
}

/** The flags, and the page's status line (pages whose DOM is not React's). */
export function setFlow(flow: string, user: string | null): void {
  document.getElementById('status')!.textContent = user ? `Signed in as ${user}` : flow === 'error' ? 'Error' : 'Visitor';
  markFlow(flow, user);
}

/** Counts a completed refresh in `data-refreshes`; returns the new count. */
export function markRefresh(): number {
  const count = Number(document.body.dataset['refreshes'] ?? 0) + 1;
  document.body.dataset['refreshes'] = String(count);
  return count;
}

export function countRefresh(): void {
  document.getElementById('refresh-count')!.textContent = String(markRefresh());
}

export function onClick(id: string, action: () => unknown): void {
  document.getElementById(id)?.addEventListener('click', () => void action());
}
