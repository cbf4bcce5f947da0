// The client-state and visible-text oracles judged directly: a passing case, each way they find the
// prior user's data, and an explanation naming where it was found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stateHoldsNothingOf, textShowsNothingOf } from '../../../harness/oracles/index.ts';
import { fingerprint } from '../../../mock-server/index.ts';
import { alice } from '../../support/journal-records.ts';

/** An unsigned JWT-shaped string whose claims name `userId` (the oracle reads claims, not signatures). */
function jwtShaped(userId: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ user_id: userId, iat: 1_800_000_000 })}.c2lnbmF0dXJlLXBhcnQ`;
}

describe("stateHoldsNothingOf: the client keeps nothing of the prior user's", () => {
  it('passes on entries that hold none of their data', () => {
    const verdict = stateHoldsNothingOf([{ store: 'localStorage', key: 'theme', value: 'dark' }, { store: 'cookie', key: 'intercom-id-mockapp1', value: 'lead-1' }], alice);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.explanation, "none of 2 client-state entries held alice's data");
  });

  it('reports a canary, the email, the display name and the user_id, naming the store and key', () => {
    const verdict = stateHoldsNothingOf([
      { store: 'sessionStorage', key: 'intercom.cache', value: '{"title":"cnry-alice-conv"}' },
      { store: 'IndexedDB', key: 'users/1', value: '{"user_id":"alice","email":"alice@example.test","name":"Alice Archer"}' },
    ], alice);
    assert.equal(verdict.pass, false);
    assert.deepEqual(verdict.violations.map((violation) => violation.message), [
      'sessionStorage "intercom.cache" holds alice\'s canary cnry-alice-conv',
      'IndexedDB "users/1" holds alice\'s email alice@example.test',
      'IndexedDB "users/1" holds alice\'s name "Alice Archer"',
      'IndexedDB "users/1" holds alice\'s user_id',
    ]);
    assert.ok(verdict.violations.every((violation) => violation.source === 'client-state' && violation.kind === 'state-holds-identity'));
    assert.equal(verdict.explanation, 'client state holds alice\'s data: sessionStorage "intercom.cache" holds alice\'s canary cnry-alice-conv');
  });

  it('reports a session token of theirs by its fingerprint, raw or URL-encoded', () => {
    const token = 'sess/alice+1';
    const user = { ...alice, sessionFingerprints: [fingerprint(token)] };
    const raw = stateHoldsNothingOf([{ store: 'cookie', key: 'intercom-session-mockapp1', value: token }], user);
    const encoded = stateHoldsNothingOf([{ store: 'cookie', key: 'intercom-session-mockapp1', value: encodeURIComponent(token) }], user);
    for (const verdict of [raw, encoded]) {
      assert.deepEqual(verdict.violations.map((violation) => violation.kind), ['state-holds-session']);
      assert.match(verdict.explanation, new RegExp(`cookie "intercom-session-mockapp1" holds alice's session token \\(fingerprint ${fingerprint(token)}\\)`));
    }
  });

  it("reports a JWT whose claims name them, and not another user's", () => {
    const theirs = jwtShaped('alice');
    const verdict = stateHoldsNothingOf([{ store: 'localStorage', key: 'jwt', value: theirs }, { store: 'localStorage', key: 'next', value: jwtShaped('bob') }], alice);
    assert.deepEqual(verdict.violations.map((violation) => violation.message), [`localStorage "jwt" holds a JWT for alice (fingerprint ${fingerprint(theirs)})`]);
  });
});

describe("textShowsNothingOf: nobody sees the prior user's data", () => {
  it('passes when no frame shows it, naming the frames looked at', () => {
    const verdict = textShowsNothingOf([{ where: 'main frame', text: 'Welcome, visitor' }, { where: 'messenger frame', text: 'Start a conversation' }], alice);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.explanation, "no visible text (main frame, messenger frame) showed alice's data");
  });

  it('reports a canary, the email or the name, quoting the text around it', () => {
    const verdict = textShowsNothingOf([{ where: 'messenger frame', text: 'Last message: cnry-alice-conv — reply soon' }, { where: 'main frame', text: 'Signed in as alice@example.test' }], alice);
    assert.deepEqual(verdict.violations.map((violation) => violation.kind), ['text-shows-prior', 'text-shows-prior']);
    assert.equal(verdict.explanation, 'visible text shows alice\'s data: messenger frame shows alice\'s canary cnry-alice-conv: "…Last message: cnry-alice-conv — reply soon…"');
    assert.equal(verdict.violations[1]!.message, 'main frame shows alice\'s email alice@example.test: "…Signed in as alice@example.test…"');
  });
});
