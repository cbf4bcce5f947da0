import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { DEFAULT_PRIMARY_SECRET } from '../../mock-server/constants.ts';
import { createMockServer } from '../../mock-server/index.ts';
import { MockAdminClient } from '../../harness/admin-client.ts';
import { webRequest } from '../support/messenger-wire.ts';

/** A JWT the app's own backend signed, on the real clock. */
async function backendToken(ttlS: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ user_id: 'alice' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now).setExpirationTime(now + ttlS).sign(new TextEncoder().encode(DEFAULT_PRIMARY_SECRET));
}

async function statusAfter(foreignTokenTime: 'mock-clock' | 'from-first-use', moves: (admin: MockAdminClient, send: () => Promise<void>) => Promise<void>): Promise<string[]> {
  const mock = await createMockServer({ port: 0, foreignTokenTime, spillFile: `reports/test/token-time-${foreignTokenTime}.ndjson` });
  try {
    const admin = new MockAdminClient(mock.url);
    const token = await backendToken(300);
    await moves(admin, async () => void (await webRequest(mock.url, 'ping', { user_data: { user_id: 'alice', intercom_user_jwt: token } })));
    return (await admin.requests()).map((record) => record.jwt?.status ?? 'none');
  } finally {
    await mock.close();
  }
}

describe("the time a token the mock did not mint is judged at", () => {
  it('by default, the mock\'s clock: shifted an hour ahead, a backend\'s 5-minute token is expired (the contract)', async () => {
    const statuses = await statusAfter('mock-clock', async (admin, send) => {
      await admin.clock({ offset_s: 3600 });
      await send();
    });
    assert.deepEqual(statuses, ['expired']);
  });

  it('from first use: moving the mock\'s clock ages it from when it was first seen, not from the backend\'s clock', async () => {
    const statuses = await statusAfter('from-first-use', async (admin, send) => {
      await admin.clock({ hold_at_ms: Date.now() + 3_600_000 });
      await send();
      await admin.clock({ advance_s: 240 });
      await send();
      await admin.clock({ advance_s: 120 });
      await send();
    });
    assert.deepEqual(statuses, ['valid', 'valid', 'expired'], 'valid when first used an hour ahead, still at +240 s, expired at +360 s');
  });

  it('a token the mock minted follows the mock\'s clock in either mode', async () => {
    const mock = await createMockServer({ port: 0, foreignTokenTime: 'from-first-use', spillFile: 'reports/test/token-time-minted.ndjson' });
    try {
      const admin = new MockAdminClient(mock.url);
      const { token } = await admin.token('alice', { ttl_s: 300 });
      await admin.clock({ advance_s: 400 });
      await webRequest(mock.url, 'ping', { user_data: { user_id: 'alice', intercom_user_jwt: token } });
      assert.deepEqual((await admin.requests()).map((record) => record.jwt?.status), ['expired']);
    } finally {
      await mock.close();
    }
  });
});
