// Where the refresh oracle judges from: the hand-over points of a user's tokens (the app's call or
// the first request that carried the token, whichever was sent first) and the order of the tokens.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handOvers, tokensOf } from '../../../harness/oracles/index.ts';
import { issued, jwtFor, record } from '../../support/journal-records.ts';

const tokens = issued('alice', ['a11ce00000t1', 'a11ce00000t2']);
const carrying = (seq: number, fingerprint: string, sent: number | null = null) => record(seq, { sent, jwt: jwtFor('alice', fingerprint), identity: { kind: 'user', user_id: 'alice', via: 'jwt' } });

describe('handOvers: one refresh point per token of the user, in send order', () => {
  it("takes the app's hand-over call when it was sent before the first request carrying the token", () => {
    const points = handOvers('alice', [{ seq: 2, sent: 4, jwtFingerprint: 'a11ce00000t2' }], [carrying(1, 'a11ce00000t1', 1), carrying(3, 'a11ce00000t2', 6)], tokens);
    assert.deepEqual(points, [{ seq: 1, sent: 1, fingerprint: 'a11ce00000t1' }, { seq: 2, sent: 4, fingerprint: 'a11ce00000t2' }]);
  });

  it('takes the first carrying request when the call was later, and ignores calls with tokens not of the user', () => {
    const points = handOvers('alice', [{ seq: 5, sent: 9, jwtFingerprint: 'a11ce00000t2' }, { seq: 6, jwtFingerprint: 'b0b0000000t1' }], [carrying(3, 'a11ce00000t2', 7)], tokens);
    assert.deepEqual(points, [{ seq: 3, sent: 7, fingerprint: 'a11ce00000t2' }]);
  });
});

describe('tokensOf: the user’s tokens, oldest first', () => {
  it("places a token the app's own backend minted (seen only in a request) by its iat among the mock's", () => {
    const seen = record(4, { jwt: jwtFor('alice', 'a11ceseen001', { claims: { user_id: 'alice', iat: 1_800_000_030 } }) });
    assert.deepEqual(tokensOf('alice', tokens, [seen]).map((entry) => `${entry.fingerprint}:${entry.via}`), ['a11ce00000t1:admin', 'a11ceseen001:seen', 'a11ce00000t2:admin']);
  });

  it("is the mock's own list when no request carried another token of the user", () => {
    assert.deepEqual(tokensOf('alice', tokens, [carrying(1, 'a11ce00000t1')]), tokens);
  });
});
