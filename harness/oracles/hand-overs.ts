import type { IssuedTokenEntry, JournalRecord } from '../../mock-server/types.ts';
import type { RefreshPoint } from './request-oracles.ts';
import type { SendOrderPoint } from './send-order.ts';

/** A place where the app gave the messenger or SDK a JWT: its boot / update / setUserJwt call. */
export interface TokenHandOver extends SendOrderPoint {
  /** Fingerprint of the JWT handed over. */
  jwtFingerprint: string | null;
}

/**
 * The refresh points of one user: for each of their tokens, the earliest of the app's hand-over
 * call and the first request that carried it, in send order. Taken from what the app did, not
 * from when a spec noticed, so every request sent after a hand-over is judged against it.
 */
export function handOvers(userId: string, calls: readonly TokenHandOver[], records: readonly JournalRecord[], issued: readonly IssuedTokenEntry[]): RefreshPoint[] {
  const tokens = new Set(tokensOf(userId, issued, records).map((entry) => entry.fingerprint));
  const earliest = new Map<string, RefreshPoint>();
  const consider = (fingerprint: string, point: SendOrderPoint): void => {
    const known = earliest.get(fingerprint);
    if (!known || sendsBefore(point, known)) earliest.set(fingerprint, { seq: point.seq, ...(typeof point.sent === 'number' ? { sent: point.sent } : {}), fingerprint });
  };
  for (const call of calls) {
    if (call.jwtFingerprint && tokens.has(call.jwtFingerprint)) consider(call.jwtFingerprint, call);
  }
  for (const record of records) {
    const carried = record.jwt?.fingerprint;
    if (carried && tokens.has(carried)) consider(carried, { seq: record.seq, ...(typeof record.sent === 'number' ? { sent: record.sent } : {}) });
  }
  return [...earliest.values()].sort((a, b) => (sendsBefore(a, b) ? -1 : sendsBefore(b, a) ? 1 : 0));
}

function sendsBefore(a: SendOrderPoint, b: SendOrderPoint): boolean {
  if (typeof a.sent === 'number' && typeof b.sent === 'number') return a.sent < b.sent;
  return a.seq < b.seq;
}

/**
 * The user's tokens, oldest first: those the mock minted, and those it only saw — minted by the
 * app's own backend (a team's app at a URL) — placed by their `iat`, then by first use. The
 * refresh oracle orders tokens by this list, so "older than the refreshed token" holds for both.
 */
export function tokensOf(userId: string, issued: readonly IssuedTokenEntry[], records: readonly JournalRecord[]): IssuedTokenEntry[] {
  const own = issued.filter((entry) => entry.user_id === userId);
  const known = new Set(own.map((entry) => entry.fingerprint));
  const seen: IssuedTokenEntry[] = [];
  for (const record of records) {
    const jwt = record.jwt;
    if (!jwt || known.has(jwt.fingerprint) || jwt.claims?.['user_id'] !== userId) continue;
    known.add(jwt.fingerprint);
    const numeric = (name: string): number | null => (typeof jwt.claims?.[name] === 'number' ? (jwt.claims[name] as number) : null);
    seen.push({ fingerprint: jwt.fingerprint, user_id: userId, iat: numeric('iat'), exp: numeric('exp'), after_seq: record.seq - 1, time: record.time, via: 'seen' });
  }
  if (!seen.length) return own;
  const all = [...own, ...seen];
  // A stable sort: tokens without iat keep their place (minted order, then first use).
  return all.sort((a, b) => (a.iat !== null && b.iat !== null ? a.iat - b.iat : 0));
}
