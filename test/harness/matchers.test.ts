// The identity matchers as `expect.extend` calls them (Playwright and WebdriverIO alike): each
// passes on clean evidence and, on a violation, fails with a message that starts with the oracle
// mark, lists the evidence by source and ends with the evidence-kinds line the reports read back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityMatchers, ORACLE_MARK, type MatcherResult } from '../../harness/matchers.ts';
import type { ClientStateEntry } from '../../harness/oracles/types.ts';
import { alice, issued, jwtFor, record } from '../support/journal-records.ts';

const asserted = (result: MatcherResult): string => result.message();
const aliceResumed = record(5, { session: { fingerprint: 'cafe00000005', user_id: 'alice', state: 'live' }, identity: { kind: 'user', user_id: 'alice', via: 'session' }, served: { user_ids: ['alice'] } });
const aliceToken = record(6, { jwt: jwtFor('alice', 'a11ce00000t1'), identity: { kind: 'user', user_id: 'alice', via: 'jwt' } });

describe('identity matchers: pass on clean evidence, fail naming it', () => {
  it('toCarryNoTraceOf', () => {
    assert.equal(identityMatchers.toCarryNoTraceOf.call({}, [record(1)], alice).pass, true);
    const result = identityMatchers.toCarryNoTraceOf.call({}, [aliceResumed], alice);
    assert.equal(result.pass, false);
    assert.equal(result.name, 'toCarryNoTraceOf');
    assert.deepEqual(asserted(result).split('\n'), [
      `${ORACLE_MARK} requests carry no trace: a request carried alice's identity: #5 POST /messenger/web/ping at ${aliceResumed.time} carried alice's session cafe00000005 (live) (and 1 more)`,
      `  • [requests] #5 POST /messenger/web/ping at ${aliceResumed.time} carried alice's session cafe00000005 (live)`,
      `  • [requests] #5 POST /messenger/web/ping at ${aliceResumed.time} was resolved as alice via session`,
      '  [evidence-kinds] prior-session-sent prior-resumed-via-session',
    ]);
  });

  it('toServeNothingOf', () => {
    assert.equal(identityMatchers.toServeNothingOf.call({}, [record(1)], alice).pass, true);
    const result = identityMatchers.toServeNothingOf.call({}, [aliceResumed], alice);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] responses serve nothing: a response served alice's data: #5 .* answered 200 with alice's data \(identity user via session\)\n  • \[responses\] #5 /);
    assert.match(asserted(result), /\[evidence-kinds\] prior-data-served$/);
  });

  it('toResolveOnlyVisitors', () => {
    assert.equal(identityMatchers.toResolveOnlyVisitors.call({}, [record(1)]).pass, true);
    const result = identityMatchers.toResolveOnlyVisitors.call({}, [aliceResumed]);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] visitor resumes no user: .* #5 .* was resolved as user alice via session\n/);
    assert.match(asserted(result), /\[evidence-kinds\] visitor-resumed-user$/);
  });

  it('toCarryJwtWhenIdentified', () => {
    assert.equal(identityMatchers.toCarryJwtWhenIdentified.call({}, [aliceToken]).pass, true);
    const result = identityMatchers.toCarryJwtWhenIdentified.call({}, [aliceResumed]);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] identified requests carry a JWT: .* #5 .* spoke for alice \(via session\) without a JWT; answered 200\n/);
    assert.match(asserted(result), /\[evidence-kinds\] identified-without-jwt$/);
  });

  it('toCarryFreshTokens', () => {
    const timeline = { userId: 'alice', issued: issued('alice', ['a11ce00000t1', 'a11ce00000t2']), refreshes: [{ seq: 2, fingerprint: 'a11ce00000t2' }] };
    assert.equal(identityMatchers.toCarryFreshTokens.call({}, [record(1)], timeline).pass, true);
    const result = identityMatchers.toCarryFreshTokens.call({}, [aliceToken], timeline);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] refreshed tokens are sent: .* #6 .* carried JWT a11ce00000t1 .* older than the refreshed token a11ce00000t2 handed over by #2\n/);
    assert.match(asserted(result), /\[evidence-kinds\] stale-token-after-refresh$/);
  });

  it('toHoldNothingOf', () => {
    const clean: ClientStateEntry[] = [{ store: 'localStorage', key: 'theme', value: 'dark' }];
    assert.equal(identityMatchers.toHoldNothingOf.call({}, clean, alice).pass, true);
    const result = identityMatchers.toHoldNothingOf.call({}, [{ store: 'cookie', key: 'intercom-id', value: 'alice' }], alice);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] client state holds nothing: client state holds alice's data: cookie "intercom-id" holds alice's user_id\n  • \[client-state\] /);
    assert.match(asserted(result), /\[evidence-kinds\] state-holds-identity$/);
  });

  it('toShowNothingOf', () => {
    assert.equal(identityMatchers.toShowNothingOf.call({}, [{ where: 'main frame', text: 'Hi there' }], alice).pass, true);
    const result = identityMatchers.toShowNothingOf.call({}, [{ where: 'messenger frame', text: 'Your conversation cnry-alice-conv' }], alice);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] visible text shows nothing: .*messenger frame shows alice's canary cnry-alice-conv: "…Your conversation cnry-alice-conv…"/);
    assert.match(asserted(result), /\[evidence-kinds\] text-shows-prior$/);
  });

  it("toShowDataOf: the current user's data must be shown", () => {
    assert.equal(identityMatchers.toShowDataOf.call({}, [{ where: 'messenger frame', text: 'cnry-alice-conv' }], alice).pass, true);
    const result = identityMatchers.toShowDataOf.call({}, [{ where: 'messenger frame', text: 'Hi there' }], alice);
    assert.equal(result.pass, false);
    assert.match(asserted(result), /^\[oracle\] visible text shows the current user: none of alice's canaries \(cnry-alice-name, cnry-alice-conv\) is visible in messenger frame\n/);
    assert.match(asserted(result), /\[evidence-kinds\] current-not-shown$/);
  });
});

describe('matcher messages', () => {
  it('list at most eight violations, then say how many more', () => {
    const many = Array.from({ length: 10 }, (_, index) => record(index + 1, { served: { user_ids: ['alice'] } }));
    const lines = asserted(identityMatchers.toServeNothingOf.call({}, many, alice)).split('\n');
    assert.equal(lines.filter((line) => line.startsWith('  • ')).length, 8);
    assert.ok(lines.includes('  … and 2 more'), lines.join('\n'));
  });

  it('negated (.not), a passing verdict says a violation was expected and what was found instead', () => {
    const result = identityMatchers.toCarryNoTraceOf.call({ isNot: true }, [record(1)], alice);
    assert.equal(result.pass, true);
    assert.equal(result.message(), `${ORACLE_MARK} requests carry no trace: expected a violation, but none of 1 requests after the mark carried a trace of alice`);
  });
});
