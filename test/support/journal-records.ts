import type { IssuedTokenEntry, JournalRecord, JwtEvidence } from '../../mock-server/types.ts';
import type { PriorUser } from '../../harness/oracles/types.ts';

/**
 * Hand-built journal records for judging without a mock: a visitor's web ping unless told
 * otherwise, so each test states only what its case is about.
 */
export function record(seq: number, fields: Partial<JournalRecord> = {}): JournalRecord {
  return {
    seq,
    time: `2026-12-02T10:00:${String(seq).padStart(2, '0')}.000Z`,
    ns: 'default',
    method: 'POST',
    path: '/messenger/web/ping',
    platform: 'web',
    app_id: 'mockapp1',
    device_id: null,
    user_agent: null,
    user_data: null,
    jwt: null,
    session: null,
    identity: { kind: 'lead', lead_id: 'lead-1', via: 'anonymous_id' },
    served: { user_ids: [] },
    response: { status: 200 },
    sent: null,
    ...fields,
  };
}

/** A verified JWT for `userId` as the journal records it, found in the web body. */
export function jwtFor(userId: string, fingerprint: string, fields: Partial<JwtEvidence> = {}): JwtEvidence {
  return {
    location: 'body.user_data.intercom_user_jwt',
    fingerprint,
    header: { alg: 'HS256', typ: 'JWT' },
    claims: { user_id: userId, iat: 1_800_000_000, exp: 1_800_003_600 },
    status: 'valid',
    exp_in_s: 3600,
    secret: 'primary',
    ...fields,
  };
}

/** What the mock's token log says it minted for `userId`, oldest first. */
export function issued(userId: string, fingerprints: string[]): IssuedTokenEntry[] {
  return fingerprints.map((fingerprint, index) => ({ fingerprint, user_id: userId, iat: 1_800_000_000 + index * 60, exp: 1_800_003_600 + index * 60, after_seq: index, time: `2026-12-02T10:0${index}:00.000Z`, via: 'admin' }));
}

/** Alice as the oracles know her once she has logged out: canaries planted in her name and conversation. */
export const alice: PriorUser = {
  user_id: 'alice',
  email: 'alice@example.test',
  name: 'Alice Archer · cnry-alice-name',
  canaries: ['cnry-alice-name', 'cnry-alice-conv'],
  sessionFingerprints: ['5e55a11ce001'],
};
