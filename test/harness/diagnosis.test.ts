import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, kindsIn, kindsLine, VIOLATION_KINDS } from '../../harness/diagnosis.ts';
import { identityMatchers } from '../../harness/matchers.ts';
import type { ViolationKind } from '../../harness/oracles/types.ts';
import type { JournalRecord } from '../../mock-server/types.ts';

const kinds = (...list: ViolationKind[]) => new Set(list);

describe('diagnosing a failing verdict from its evidence pattern', () => {
  it('the session cookie survived and a visitor request resumed the prior user → shutdown was not effective before the reload', () => {
    const web = diagnose(kinds('prior-resumed-via-session', 'state-holds-session', 'prior-data-served'), 'web')!;
    assert.equal(web.rule, 'session-survived-logout');
    assert.match(web.cause, /shutdown did not end the prior user's session/);
    assert.match(web.fix, /call Intercom\('shutdown'\) first in the logout handler, before any reload/);
    assert.equal(web.docs[0]!.url, 'https://developers.intercom.com/installing-intercom/web/methods');
    const android = diagnose(kinds('prior-resumed-via-session'), 'android')!;
    assert.match(android.fix, /Intercom\.logout\(\)/);
  });

  it('requests kept the login token after a hand-over → the SDK ignored setUserJwt (mobile) / update was not given the token (web)', () => {
    assert.match(diagnose(kinds('stale-token-after-refresh'), 'android')!.cause, /the SDK ignored setUserJwt/);
    assert.match(diagnose(kinds('stale-token-after-refresh'), 'web')!.fix, /Intercom\('update', \{ intercom_user_jwt: newToken \}\)/);
  });

  it('takes the most specific pattern first: a stale token beats an expired one, an identity beats leftover data', () => {
    assert.equal(diagnose(kinds('expired-token-sent', 'stale-token-after-refresh'), 'ios')!.rule, 'refreshed-token-not-sent');
    assert.equal(diagnose(kinds('expired-token-sent'), 'ios')!.rule, 'token-expired-in-flight');
    assert.equal(diagnose(kinds('identified-without-jwt'), 'web')!.rule, 'identified-without-jwt');
    assert.equal(diagnose(kinds('prior-jwt-sent', 'text-shows-prior'), 'web')!.rule, 'identity-outlived-logout');
    assert.equal(diagnose(kinds('state-holds-identity'), 'ios')!.rule, 'data-left-on-client');
    assert.equal(diagnose(kinds('current-not-shown'), 'web')!.rule, 'new-user-not-loaded');
  });

  it('has advice for every kind of evidence, on every platform, with a public link', () => {
    for (const kind of VIOLATION_KINDS) {
      for (const platform of ['web', 'android', 'ios'] as const) {
        const found = diagnose(kinds(kind as ViolationKind), platform);
        assert.ok(found, `${kind} on ${platform} has no diagnosis`);
        assert.ok(found.docs.length > 0 && found.docs.every((doc) => /^https:\/\//.test(doc.url)), `${kind}: docs are https links`);
      }
    }
  });

  it('says nothing when the evidence names no kind (an error, not an oracle)', () => {
    assert.equal(diagnose(new Set(), 'web'), null);
  });
});

describe('evidence kinds travel in the oracle failure message', () => {
  it('a matcher message ends with its kinds line, and the reports read the kinds back', () => {
    const record = {
      seq: 7, time: '2026-12-01T00:00:00.000Z', method: 'POST', path: '/messenger/web/ping', platform: 'web',
      jwt: { fingerprint: 'aaaaaaaaaaaa', claims: { user_id: 'alice' }, status: 'valid', exp_in_s: 100, location: 'body.user_data.intercom_user_jwt' },
      session: null, identity: { kind: 'user', user_id: 'alice', via: 'jwt' }, served: { user_ids: ['alice'] }, response: { status: 200 }, user_data: null,
    } as unknown as JournalRecord;
    const alice = { user_id: 'alice', email: null, name: 'Alice', canaries: [], sessionFingerprints: [] };
    const result = identityMatchers.toCarryNoTraceOf.call({}, [record], alice);
    assert.equal(result.pass, false);
    const message = result.message();
    assert.match(message.split('\n').at(-1)!, /^\s*\[evidence-kinds\] prior-jwt-sent$/);
    assert.deepEqual([...kindsIn([`requests after logout\n\n${message}`])], ['prior-jwt-sent']);
  });

  it('ignores words that are no kind', () => {
    assert.deepEqual([...kindsIn(['[evidence-kinds] prior-jwt-sent <script> rm-rf'])], ['prior-jwt-sent']);
    assert.equal(kindsLine([{ source: 'requests', kind: 'expired-token-sent', message: 'x' }, { source: 'requests', kind: 'expired-token-sent', message: 'y' }]), '[evidence-kinds] expired-token-sent');
  });
});
