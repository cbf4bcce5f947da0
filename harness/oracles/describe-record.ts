import type { JournalRecord } from '../../mock-server/types.ts';

/** `#12 POST /messenger/web/ping (android)` — how every message names a request. */
export function describeRecord(record: JournalRecord): string {
  const platform = record.platform === 'web' ? '' : ` (${record.platform})`;
  return `#${record.seq} ${record.method} ${record.path}${platform} at ${record.time}`;
}

/** `JWT 3f2a9c81d0e4 (claims.user_id alice, valid, expires in 240 s)`. */
export function describeJwt(record: JournalRecord): string {
  const jwt = record.jwt;
  if (!jwt) return 'no JWT';
  const user = typeof jwt.claims?.['user_id'] === 'string' ? jwt.claims['user_id'] : '(none)';
  // exp equal to the time of receipt is already expired (the mock, like jose, treats exp as exclusive).
  const expiry = jwt.exp_in_s === null ? 'no exp' : jwt.exp_in_s > 0 ? `expires in ${jwt.exp_in_s} s` : jwt.exp_in_s === 0 ? 'expired at receipt' : `expired ${-jwt.exp_in_s} s before receipt`;
  return `JWT ${jwt.fingerprint} (claims.user_id ${user}, ${jwt.status}, ${expiry}, at ${jwt.location})`;
}

/** The seqs of the requests a message names the way describeRecord does (`#12 POST …`). */
export function seqsNamedIn(messages: readonly string[]): number[] {
  const seqs = new Set<number>();
  for (const message of messages) for (const match of message.matchAll(/#(\d+) (?:GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD) \//g)) seqs.add(Number(match[1]));
  return [...seqs].sort((a, b) => a - b);
}
