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
  const tokens = new Set(issued.filter((entry) => entry.user_id === userId).map((entry) => entry.fingerprint));
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
