import type { IssuedTokenEntry, JournalRecord } from '../../mock-server/types.ts';
import { describeJwt, describeRecord } from './describe-record.ts';
import { lastSentBefore, sentAfter, type SendOrderPoint } from './send-order.ts';
import type { PriorUser, OracleVerdict, Violation } from './types.ts';

function verdict(oracle: string, violations: Violation[], passed: string, failedSummary: string): OracleVerdict {
  return {
    oracle,
    pass: violations.length === 0,
    explanation: violations.length === 0 ? passed : `${failedSummary}: ${violations[0]!.message}${violations.length > 1 ? ` (and ${violations.length - 1} more)` : ''}`,
    violations,
  };
}

/**
 * Requests after the mark carry nothing of the prior user: not their JWT, not their user_id or
 * email in user_data, not their session token, and were not resolved as them.
 */
export function requestsCarryNoTraceOf(records: JournalRecord[], user: PriorUser): OracleVerdict {
  const violations: Violation[] = [];
  for (const record of records) {
    const where = describeRecord(record);
    if (record.jwt?.claims?.['user_id'] === user.user_id) {
      violations.push({ source: 'requests', kind: 'prior-jwt-sent', seq: record.seq, message: `${where} carried ${user.user_id}'s ${describeJwt(record)}` });
    }
    if (record.user_data?.user_id === user.user_id || (user.email && record.user_data?.email === user.email)) {
      violations.push({ source: 'requests', kind: 'prior-identifiers-sent', seq: record.seq, message: `${where} sent ${user.user_id}'s identifiers in user_data (${JSON.stringify(record.user_data)})` });
    }
    if (record.session && (record.session.user_id === user.user_id || user.sessionFingerprints.includes(record.session.fingerprint))) {
      violations.push({ source: 'requests', kind: 'prior-session-sent', seq: record.seq, message: `${where} carried ${user.user_id}'s session ${record.session.fingerprint} (${record.session.state})` });
    }
    if (record.identity.user_id === user.user_id && record.jwt?.claims?.['user_id'] !== user.user_id) {
      violations.push({ source: 'requests', kind: record.identity.via === 'session' ? 'prior-resumed-via-session' : 'prior-resumed', seq: record.seq, message: `${where} was resolved as ${user.user_id} via ${record.identity.via}` });
    }
  }
  return verdict('requests carry no trace', violations, `none of ${records.length} requests after the mark carried a trace of ${user.user_id}`, `a request carried ${user.user_id}'s identity`);
}

/** Responses after the mark served none of the prior user's data (journal provenance). */
export function responsesServeNothingOf(records: JournalRecord[], user: PriorUser): OracleVerdict {
  const violations: Violation[] = records
    .filter((record) => record.served.user_ids.includes(user.user_id))
    .map((record) => ({ source: 'responses' as const, kind: 'prior-data-served' as const, seq: record.seq, message: `${describeRecord(record)} answered ${record.response.status} with ${user.user_id}'s data (identity ${record.identity.kind}${record.identity.via ? ` via ${record.identity.via}` : ''})` }));
  return verdict('responses serve nothing', violations, `none of ${records.length} responses after the mark carried ${user.user_id}'s data`, `a response served ${user.user_id}'s data`);
}

/** Every request after the mark resolved to a visitor (lead or nobody), never to a user. */
export function requestsResolveAsVisitor(records: JournalRecord[]): OracleVerdict {
  const violations: Violation[] = records
    .filter((record) => record.identity.kind === 'user')
    .map((record) => ({ source: 'requests' as const, kind: 'visitor-resumed-user' as const, seq: record.seq, message: `${describeRecord(record)} was resolved as user ${record.identity.user_id} via ${record.identity.via}` }));
  return verdict('visitor resumes no user', violations, `all ${records.length} visitor requests resolved as a lead`, 'a visitor request resumed a user');
}

/**
 * Every identified request carries a JWT: one whose identity is a user, or whose user_data names
 * a user, without a token is a violation (an update that drops the JWT, a session-only request).
 */
export function identifiedRequestsCarryJwt(records: JournalRecord[]): OracleVerdict {
  const violations: Violation[] = [];
  for (const record of records) {
    const identified = record.identity.kind === 'user' || Boolean(record.user_data?.user_id || record.user_data?.email);
    if (identified && !record.jwt) {
      const who = record.identity.user_id ?? record.user_data?.user_id ?? record.user_data?.email;
      violations.push({ source: 'requests', kind: 'identified-without-jwt', seq: record.seq, message: `${describeRecord(record)} spoke for ${who} (via ${record.identity.via ?? 'user_data'}) without a JWT; answered ${record.response.status}` });
    }
  }
  return verdict('identified requests carry a JWT', violations, `all identified requests among ${records.length} carried a JWT`, 'an identified request carried no JWT');
}

/**
 * Where the app handed a refreshed token to the messenger or SDK (its update / setUserJwt call, or
 * the first request that carried the token), in send order: every request sent after it must
 * carry this token or a later one.
 */
export interface RefreshPoint extends SendOrderPoint {
  /** The fingerprint of the token the app handed over. */
  fingerprint: string;
}

/**
 * After each refresh point, every request for the user carries that refresh's token or a later
 * one, and no request carries a token that was expired when the mock received it.
 */
export function requestsCarryFreshTokens(records: JournalRecord[], userId: string, issued: IssuedTokenEntry[], refreshes: RefreshPoint[]): OracleVerdict {
  const order = new Map(issued.filter((entry) => entry.user_id === userId).map((entry, index) => [entry.fingerprint, index]));
  const violations: Violation[] = [];
  for (const record of records) {
    const speaksForUser = record.identity.user_id === userId || record.jwt?.claims?.['user_id'] === userId;
    if (!speaksForUser) continue;
    if (record.jwt && (record.jwt.status === 'expired' || (record.jwt.exp_in_s !== null && record.jwt.exp_in_s <= 0))) {
      violations.push({ source: 'requests', kind: 'expired-token-sent', seq: record.seq, message: `${describeRecord(record)} carried an expired ${describeJwt(record)}` });
      continue;
    }
    const latest = [...refreshes].reverse().find((refresh) => sentAfter(record, refresh));
    if (!latest || !record.jwt) continue;
    const carried = order.get(record.jwt.fingerprint) ?? -1;
    const wanted = order.get(latest.fingerprint) ?? Number.POSITIVE_INFINITY;
    if (carried < wanted) {
      violations.push({ source: 'requests', kind: 'stale-token-after-refresh', seq: record.seq, message: `${describeRecord(record)} carried ${describeJwt(record)}, older than the refreshed token ${latest.fingerprint} ${handedOver(records, latest)}` });
    }
  }
  return verdict('refreshed tokens are sent', violations, `every request for ${userId} carried the newest token, none expired (${records.length} requests, ${refreshes.length} refreshes)`, 'a request did not carry the refreshed token');
}

/** Where a hand-over happened, naming the record before it: by send order when the point has a counter. */
function handedOver(records: JournalRecord[], refresh: RefreshPoint): string {
  if (typeof refresh.sent !== 'number') return `handed over by #${refresh.seq}`;
  const before = lastSentBefore(records, refresh);
  return `handed over ${before ? `after #${before.seq}` : 'before any request'} (send order ${refresh.sent})`;
}
