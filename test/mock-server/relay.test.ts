import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MockAdminClient } from '../../harness/admin-client.ts';
import { createMockServer, type RunningMockServer } from '../../mock-server/index.ts';
import type { JournalRecord, MockServerOptions } from '../../mock-server/types.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';

const SECRET = 'relay-test-identity-secret-4f1d9a7c2b';
const TOKEN = 'relay-test-access-token-91be03d5aa7e';

const spill = (): string => join(mkdtempSync(join(tmpdir(), 'relay-journal-')), 'spill.ndjson');

/** A second mock standing in for the workspace: no users of its own, the REST API on, the workspace's secret. */
function startStandIn(): Promise<RunningMockServer> {
  return createMockServer({ port: 0, spillFile: spill(), live: null, seedUsers: [], primarySecret: SECRET, rotatedSecret: null, restApi: { accessToken: TOKEN } });
}

function startRelay(upstream: string, extra: Partial<MockServerOptions> = {}): Promise<RunningMockServer> {
  return createMockServer({ port: 0, spillFile: spill(), seed: 'tests', live: { identitySecret: SECRET, accessToken: TOKEN, upstream }, ...extra });
}

function startAppMode(): Promise<RunningMockServer> {
  return createMockServer({ port: 0, spillFile: spill(), seed: 'tests', live: null, primarySecret: SECRET, rotatedSecret: null });
}

/** What the oracles judge in a record; ids that are random per run (leads, sessions) reduced to their kind. */
function verdictOf(record: JournalRecord): Record<string, unknown> {
  return {
    path: record.path,
    platform: record.platform,
    jwt: record.jwt ? { status: record.jwt.status, user_id: record.jwt.claims?.['user_id'] } : null,
    identity: { kind: record.identity.kind, user_id: record.identity.user_id, via: record.identity.via },
    session: record.session ? { user_id: record.session.user_id, state: record.session.state } : null,
    session_issued: Boolean(record.session_issued),
    served: [...record.served.user_ids].sort(),
    status: record.response.status,
  };
}

/**
 * A signed-in flow on mobile and web, a stale JWT carried beside a live session, and a logout
 * after which a guest boots and alice's old session is replayed: the requests whose verdicts
 * the checks depend on.
 */
async function flow(url: string, admin: MockAdminClient): Promise<JournalRecord[]> {
  await admin.reset();
  const alice = (await admin.token('alice')).token;
  const login = await mobileRequest(url, 'users', { user: { user_id: 'alice' }, intercom_user_jwt: alice });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const session = login.body['session'] as string;
  await mobileRequest(url, 'open', { intercom_user_jwt: alice, session });
  await mobileRequest(url, 'conversations', { intercom_user_jwt: alice, session });
  const nowS = Math.floor(Date.now() / 1000);
  const stale = (await admin.token('alice', { claims: { iat: nowS - 600, exp: nowS - 60 } })).token;
  await mobileRequest(url, 'conversations', { intercom_user_jwt: stale, session });
  await mobileRequest(url, 'conversations', { intercom_user_jwt: stale });
  // logout(): the guest boots with nothing of alice's, then alice's session is replayed.
  const guest = await mobileRequest(url, 'users', { device_identifier: 'dev-android-2' });
  await mobileRequest(url, 'conversations', { session: guest.body['session'] as string, device_identifier: 'dev-android-2' });
  await mobileRequest(url, 'conversations', { session, device_identifier: 'dev-android-2' });
  // Web: bob signs in, then the page after shutdown boots a visitor.
  const bob = (await admin.token('bob')).token;
  const ping = await webRequest(url, 'ping', { user_data: { user_id: 'bob', intercom_user_jwt: bob } });
  await webRequest(url, 'conversations', { user_data: { user_id: 'bob', intercom_user_jwt: bob }, anonymous_session: ping.body['anonymous_session'] as string });
  await webRequest(url, 'ping', { user_data: { anonymous_id: 'visitor-after-logout' } });
  return admin.requests();
}

describe('live mode: the mock relays to a workspace and journals the same verdicts as app mode', () => {
  let standIn: RunningMockServer;
  let relay: RunningMockServer;
  let appMode: RunningMockServer;
  before(async () => {
    standIn = await startStandIn();
    relay = await startRelay(standIn.url);
    appMode = await startAppMode();
  });
  after(async () => {
    await relay?.close();
    await appMode?.close();
    await standIn?.close();
  });

  it('plants the test users with their canaries in the workspace at start', async () => {
    const planted = await new MockAdminClient(standIn.url).users();
    const mine = await new MockAdminClient(relay.url).users();
    assert.deepEqual(planted.map((user) => user.user_id).sort(), ['alice', 'bob']);
    for (const user of mine) {
      const there = planted.find((candidate) => candidate.user_id === user.user_id)!;
      assert.equal(there.name, user.name, 'the planted name carries the relay\'s name canary');
      assert.equal(there.email, user.email);
    }
  });

  it('a signed-in flow, a stale token and a logout: every record judged as in app mode', async () => {
    const relayed = await flow(relay.url, new MockAdminClient(relay.url));
    const answered = await flow(appMode.url, new MockAdminClient(appMode.url));
    assert.equal(relayed.length, answered.length);
    assert.deepEqual(relayed.map(verdictOf), answered.map(verdictOf));
    // The flow has teeth: alice served, a stale token judged, a replayed session resumed.
    const verdicts = relayed.map(verdictOf);
    assert.ok(verdicts.some((verdict) => (verdict['jwt'] as { status: string } | null)?.status === 'expired'));
    assert.ok(verdicts.some((verdict) => (verdict['identity'] as { via?: string }).via === 'session' && !verdict['jwt']));
    assert.ok(relayed.every((record) => record.relay?.upstream.startsWith(standIn.url) && record.relay.status === record.response.status));
  });

  it('the workspace saw the requests, without the project\'s own headers', async () => {
    const upstream = await new MockAdminClient(standIn.url).requests();
    assert.ok(upstream.length > 0);
    await webRequest(relay.url, 'ping', { user_data: { anonymous_id: 'v-host' } }, { headers: { 'x-conformance-host': 'api-iam.intercom.io', 'x-conformance-sent': '7' } });
    const [last] = (await new MockAdminClient(standIn.url).requests()).slice(-1);
    assert.equal(last!.sent, null, 'x-conformance-sent is not forwarded');
    assert.match(last!.host ?? '', /^127\.0\.0\.1:/, 'x-conformance-host is not forwarded');
    const [mine] = (await new MockAdminClient(relay.url).requests()).slice(-1);
    assert.equal(mine!.sent, 7);
    assert.equal(mine!.host, 'api-iam.intercom.io');
  });

  it('journals a redacted excerpt of the answer: no session token, JWT or secret in the export', async () => {
    const admin = new MockAdminClient(relay.url);
    await admin.reset();
    const alice = (await admin.token('alice')).token;
    const login = await mobileRequest(relay.url, 'users', { user: { user_id: 'alice' }, intercom_user_jwt: alice });
    const session = login.body['session'] as string;
    const [record] = await admin.requests();
    assert.match(String((record!.relay!.body as Record<string, unknown>)['session']), /^fingerprint:[0-9a-f]{12}$/);
    const exported = await admin.exportJournal('ndjson');
    for (const secret of [SECRET, TOKEN, session, alice]) assert.ok(!exported.includes(secret), 'a secret or a full token reached the export');
  });
});

describe('live mode: failures', () => {
  it('an unreachable workspace is answered 502 naming it, and still journaled', async () => {
    const standIn = await startStandIn();
    const relay = await startRelay(standIn.url);
    const down = standIn.url;
    await standIn.close();
    try {
      const response = await mobileRequest(relay.url, 'users', {});
      assert.equal(response.status, 502);
      assert.match(JSON.stringify(response.body), /upstream .* failed: ECONNREFUSED/);
      const [record] = await new MockAdminClient(relay.url).requests();
      assert.equal(record!.response.status, 502);
      assert.equal(record!.relay!.status, null);
      assert.ok(record!.relay!.upstream.startsWith(down));
    } finally {
      await relay.close().catch(() => undefined);
    }
  });

  it('removes what it planted when it stops, and a rejected token fails the start without printing it', async () => {
    const standIn = await startStandIn();
    try {
      const relay = await startRelay(standIn.url);
      assert.equal((await new MockAdminClient(standIn.url).users()).length, 2);
      await relay.close();
      assert.deepEqual(await new MockAdminClient(standIn.url).users(), [], 'the planted contacts are removed at close');
      const wrong = 'not-the-workspace-token-0000';
      await assert.rejects(
        createMockServer({ port: 0, spillFile: spill(), live: { identitySecret: SECRET, accessToken: wrong, upstream: standIn.url } }),
        (error: Error) => /answered 401: unauthorized: Access Token Invalid/.test(error.message) && !error.message.includes(wrong),
      );
    } finally {
      await standIn.close();
    }
  });
});
