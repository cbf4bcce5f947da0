// The request and response oracles judged directly over hand-built journal records: for each, a
// passing case, every kind of violation it reports, and an explanation that names the evidence
// (record seq, method and path, token fingerprint, claims.user_id, expiry, session).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  identifiedRequestsCarryJwt,
  requestsCarryFreshTokens,
  requestsCarryNoTraceOf,
  requestsResolveAsVisitor,
  responsesServeNothingOf,
  type RefreshPoint,
  type OracleVerdict,
} from '../../../harness/oracles/index.ts';
import { alice, issued, jwtFor, record } from '../../support/journal-records.ts';

const kindsOf = (verdict: OracleVerdict): string[] => verdict.violations.map((violation) => violation.kind);

describe('requestsCarryNoTraceOf: nothing of the prior user is sent after the mark', () => {
  it('passes when every request after the mark is a visitor with no token, identifiers or session of theirs', () => {
    const verdict = requestsCarryNoTraceOf([record(7), record(8, { session: { fingerprint: 'feedbeef0001', user_id: null, lead_id: 'lead-1', state: 'live' } })], alice);
    assert.equal(verdict.pass, true);
    assert.deepEqual(verdict.violations, []);
    assert.equal(verdict.explanation, 'none of 2 requests after the mark carried a trace of alice');
  });

  it("reports the prior user's JWT, naming the record, its fingerprint and claims.user_id", () => {
    const verdict = requestsCarryNoTraceOf([record(9, { jwt: jwtFor('alice', 'a11ce0000001'), identity: { kind: 'user', user_id: 'alice', via: 'jwt' } })], alice);
    assert.equal(verdict.pass, false);
    assert.deepEqual(kindsOf(verdict), ['prior-jwt-sent']);
    assert.equal(verdict.violations[0]!.seq, 9);
    assert.equal(verdict.violations[0]!.source, 'requests');
    assert.match(verdict.explanation, /^a request carried alice's identity: #9 POST \/messenger\/web\/ping at \S+ carried alice's JWT a11ce0000001 \(claims\.user_id alice, valid, expires in 3600 s, at body\.user_data\.intercom_user_jwt\)$/);
  });

  it("reports the prior user's user_id or email in user_data", () => {
    const byId = requestsCarryNoTraceOf([record(3, { user_data: { user_id: 'alice' } })], alice);
    const byEmail = requestsCarryNoTraceOf([record(4, { user_data: { email: 'alice@example.test' } })], alice);
    assert.deepEqual(kindsOf(byId), ['prior-identifiers-sent']);
    assert.deepEqual(kindsOf(byEmail), ['prior-identifiers-sent']);
    assert.match(byEmail.explanation, /#4 POST \/messenger\/web\/ping .* sent alice's identifiers in user_data \(\{"email":"alice@example\.test"\}\)/);
  });

  it("reports the prior user's session, known by owner or only by fingerprint, and a request resumed through it", () => {
    const owned = record(5, { session: { fingerprint: 'cafe00000005', user_id: 'alice', state: 'live' }, identity: { kind: 'user', user_id: 'alice', via: 'session' } });
    const byFingerprint = record(6, { session: { fingerprint: '5e55a11ce001', user_id: null, state: 'unknown' } });
    const verdict = requestsCarryNoTraceOf([owned, byFingerprint], alice);
    assert.deepEqual(kindsOf(verdict), ['prior-session-sent', 'prior-resumed-via-session', 'prior-session-sent']);
    assert.deepEqual(verdict.violations.map((violation) => violation.seq), [5, 5, 6]);
    assert.match(verdict.explanation, /#5 .* carried alice's session cafe00000005 \(live\) \(and 2 more\)$/);
    assert.match(verdict.violations[1]!.message, /#5 .* was resolved as alice via session$/);
    assert.match(verdict.violations[2]!.message, /carried alice's session 5e55a11ce001 \(unknown\)/);
  });

  it('reports a request resolved as the prior user some other way than their JWT or session', () => {
    const verdict = requestsCarryNoTraceOf([record(11, { identity: { kind: 'user', user_id: 'alice', via: 'unverified' } })], alice);
    assert.deepEqual(kindsOf(verdict), ['prior-resumed']);
    assert.match(verdict.explanation, /#11 .* was resolved as alice via unverified$/);
  });

  it("does not count another user's token and identity as the prior user's", () => {
    const bob = record(12, { jwt: jwtFor('bob', 'b0b000000012'), user_data: { user_id: 'bob', email: 'bob@example.test' }, identity: { kind: 'user', user_id: 'bob', via: 'jwt' } });
    assert.equal(requestsCarryNoTraceOf([bob], alice).pass, true);
  });
});

describe("responsesServeNothingOf: no response after the mark carries the prior user's data", () => {
  it("passes when responses served only others' data", () => {
    const verdict = responsesServeNothingOf([record(1, { served: { user_ids: ['bob'] } }), record(2)], alice);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.explanation, "none of 2 responses after the mark carried alice's data");
  });

  it('reports each response that served them, naming its status and how the request was resolved', () => {
    const verdict = responsesServeNothingOf([record(4, { path: '/messenger/web/conversations', served: { user_ids: ['alice'] }, identity: { kind: 'user', user_id: 'alice', via: 'session' } })], alice);
    assert.deepEqual(kindsOf(verdict), ['prior-data-served']);
    assert.equal(verdict.violations[0]!.source, 'responses');
    assert.match(verdict.explanation, /^a response served alice's data: #4 POST \/messenger\/web\/conversations at \S+ answered 200 with alice's data \(identity user via session\)$/);
  });
});

describe('requestsResolveAsVisitor: a visitor resumes no user', () => {
  it('passes when every request resolved as a lead or nobody', () => {
    const verdict = requestsResolveAsVisitor([record(1), record(2, { identity: { kind: 'none' } })]);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.explanation, 'all 2 visitor requests resolved as a lead');
  });

  it('reports a visitor request resolved as a user, naming the user and how', () => {
    const verdict = requestsResolveAsVisitor([record(1), record(2, { platform: 'android', path: '/messenger/mobile/ping', identity: { kind: 'user', user_id: 'alice', via: 'session' } })]);
    assert.deepEqual(kindsOf(verdict), ['visitor-resumed-user']);
    assert.equal(verdict.violations[0]!.seq, 2);
    assert.match(verdict.explanation, /^a visitor request resumed a user: #2 POST \/messenger\/mobile\/ping \(android\) at \S+ was resolved as user alice via session$/);
  });
});

describe('identifiedRequestsCarryJwt: every identified request carries a JWT', () => {
  it("passes when identified requests carry a JWT and a visitor's carry none", () => {
    const verdict = identifiedRequestsCarryJwt([record(1), record(2, { jwt: jwtFor('alice', 'a11ce0000002'), user_data: { user_id: 'alice' }, identity: { kind: 'user', user_id: 'alice', via: 'jwt' } })]);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.explanation, 'all identified requests among 2 carried a JWT');
  });

  it('reports a request resolved as a user without a JWT, and one whose user_data names a user without one', () => {
    const resumed = record(3, { identity: { kind: 'user', user_id: 'alice', via: 'session' } });
    const claimed = record(4, { user_data: { email: 'alice@example.test' }, identity: { kind: 'none' }, response: { status: 401, error: 'identity verification required' } });
    const verdict = identifiedRequestsCarryJwt([resumed, claimed]);
    assert.deepEqual(kindsOf(verdict), ['identified-without-jwt', 'identified-without-jwt']);
    assert.match(verdict.explanation, /^an identified request carried no JWT: #3 .* spoke for alice \(via session\) without a JWT; answered 200 \(and 1 more\)$/);
    assert.match(verdict.violations[1]!.message, /#4 .* spoke for alice@example\.test \(via user_data\) without a JWT; answered 401$/);
  });
});

describe('requestsCarryFreshTokens: after each hand-over, the newest token or a later one', () => {
  const tokens = issued('alice', ['a11ce00000t1', 'a11ce00000t2']);
  const withToken = (seq: number, fingerprint: string, fields: Parameters<typeof record>[1] = {}) =>
    record(seq, { jwt: jwtFor('alice', fingerprint), identity: { kind: 'user', user_id: 'alice', via: 'jwt' }, ...fields });

  it('passes when every request after the refresh carries the refreshed token, and ignores other users', () => {
    const refreshes: RefreshPoint[] = [{ seq: 2, fingerprint: 'a11ce00000t2' }];
    const records = [withToken(1, 'a11ce00000t1'), withToken(3, 'a11ce00000t2'), record(4, { jwt: jwtFor('bob', 'b0b0000000t1'), identity: { kind: 'user', user_id: 'bob', via: 'jwt' } })];
    const verdict = requestsCarryFreshTokens(records, 'alice', tokens, refreshes);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.explanation, 'every request for alice carried the newest token, none expired (3 requests, 1 refreshes)');
  });

  it('reports a token expired at receipt, by its verdict or by exp_in_s reaching 0', () => {
    const byStatus = withToken(1, 'a11ce00000t1', { jwt: jwtFor('alice', 'a11ce00000t1', { status: 'expired', exp_in_s: -30 }) });
    const atReceipt = withToken(2, 'a11ce00000t1', { jwt: jwtFor('alice', 'a11ce00000t1', { exp_in_s: 0 }) });
    const verdict = requestsCarryFreshTokens([byStatus, atReceipt], 'alice', tokens, []);
    assert.deepEqual(kindsOf(verdict), ['expired-token-sent', 'expired-token-sent']);
    assert.match(verdict.explanation, /^a request did not carry the refreshed token: #1 .* carried an expired JWT a11ce00000t1 \(claims\.user_id alice, expired, expired 30 s before receipt, at body\.user_data\.intercom_user_jwt\) \(and 1 more\)$/);
    assert.match(verdict.violations[1]!.message, /valid, expired at receipt/);
  });

  it('reports a request after a journal-order refresh that still carried the older token, naming where it was handed over', () => {
    const verdict = requestsCarryFreshTokens([withToken(1, 'a11ce00000t1'), withToken(4, 'a11ce00000t1')], 'alice', tokens, [{ seq: 2, fingerprint: 'a11ce00000t2' }]);
    assert.deepEqual(kindsOf(verdict), ['stale-token-after-refresh']);
    assert.equal(verdict.violations[0]!.seq, 4);
    assert.match(verdict.explanation, /#4 .* carried JWT a11ce00000t1 \(claims\.user_id alice, .*\), older than the refreshed token a11ce00000t2 handed over by #2$/);
  });

  it('judges by send order when the records and the refresh carry a counter: a request sent before the hand-over that lands after it passes', () => {
    const refreshes: RefreshPoint[] = [{ seq: 1, sent: 5, fingerprint: 'a11ce00000t2' }];
    const sentBefore = withToken(2, 'a11ce00000t1', { sent: 4 });
    const sentAfter = withToken(3, 'a11ce00000t1', { sent: 6 });
    const verdict = requestsCarryFreshTokens([withToken(1, 'a11ce00000t1', { sent: 3 }), sentBefore, sentAfter], 'alice', tokens, refreshes);
    assert.deepEqual(verdict.violations.map((violation) => violation.seq), [3]);
    assert.match(verdict.violations[0]!.message, /older than the refreshed token a11ce00000t2 handed over after #2 \(send order 5\)$/);
  });
});
