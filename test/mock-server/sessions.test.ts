import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();
const strict = useMock({ sessionOutlivesJwt: false });

async function recordOf(seq: number | null, admin = mock.admin) {
  const [record] = await admin.requests({ since: seq! - 1, limit: 1 });
  return record!;
}

async function aliceSession(url = mock.url, admin = mock.admin) {
  const { token } = await admin.token('alice', { ttl_s: 300 });
  const ping = await webRequest(url, 'ping', { user_data: { intercom_user_jwt: token } });
  assert.equal(ping.status, 200);
  const session = (ping.body as { anonymous_session: string }).anonymous_session;
  assert.match(session, /^[A-Za-z0-9+/=]+--[0-9a-f]{40}$/, 'session token has Intercom\'s base64--<40 hex> shape');
  return { token, session, ping };
}

describe('sessions resume identities the way Intercom does', () => {
  beforeEach(async () => {
    await mock.admin.reset();
    await strict.admin.reset();
  });

  it('the ping answers with a session token and journals its fingerprint', async () => {
    const { ping } = await aliceSession();
    const record = await recordOf(ping.seq);
    assert.equal(typeof record.session_issued, 'string');
  });

  it('a visitor request carrying alice\'s live session is resumed as alice, and the journal says so', async () => {
    const { session } = await aliceSession();
    const visitor = await webRequest(mock.url, 'conversations', { user_data: { anonymous_id: 'visitor-1' }, anonymous_session: session });
    assert.equal(visitor.status, 200);
    const record = await recordOf(visitor.seq);
    assert.deepEqual(record.identity, { kind: 'user', user_id: 'alice', via: 'session' });
    assert.equal(record.session?.user_id, 'alice');
    assert.equal(record.session?.state, 'live');
    assert.deepEqual(record.served.user_ids, ['alice']);
  });

  it('an expired JWT is still served through a live session of the same user', async () => {
    const { token, session } = await aliceSession();
    await mock.admin.clock({ advance_s: 301 });
    const response = await webRequest(mock.url, 'conversations', { user_data: { intercom_user_jwt: token }, anonymous_session: session });
    assert.equal(response.status, 200);
    const record = await recordOf(response.seq);
    assert.equal(record.jwt?.status, 'expired');
    assert.deepEqual(record.identity, { kind: 'user', user_id: 'alice', via: 'session' });
  });

  it('an expired JWT without a session is refused', async () => {
    const { token } = await aliceSession();
    await mock.admin.clock({ advance_s: 301 });
    const response = await webRequest(mock.url, 'conversations', { user_data: { intercom_user_jwt: token } });
    assert.equal(response.status, 403);
  });

  it('an expired JWT with another user\'s session is refused', async () => {
    const { session } = await aliceSession();
    const { token: bobToken } = await mock.admin.token('bob', { ttl_s: 10 });
    await mock.admin.clock({ advance_s: 11 });
    const response = await webRequest(mock.url, 'conversations', { user_data: { intercom_user_jwt: bobToken }, anonymous_session: session });
    assert.equal(response.status, 403);
  });

  it('with the workspace flag off, an expired JWT is refused even with a live session', async () => {
    const { token, session } = await aliceSession(strict.url, strict.admin);
    await strict.admin.clock({ advance_s: 301 });
    const response = await webRequest(strict.url, 'conversations', { user_data: { intercom_user_jwt: token }, anonymous_session: session });
    assert.equal(response.status, 403);
  });

  it('a session expires after a week on the mock clock and then resumes nothing', async () => {
    const { session } = await aliceSession();
    await mock.admin.clock({ advance_s: 7 * 24 * 3600 + 1 });
    const response = await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'visitor-2' }, anonymous_session: session });
    const record = await recordOf(response.seq);
    assert.equal(record.session?.state, 'expired');
    assert.deepEqual(record.identity, { kind: 'lead', lead_id: 'visitor-2', via: 'anonymous_id' });
    assert.deepEqual(record.served.user_ids, []);
  });

  it('the session cookie is honoured when sent as a cookie', async () => {
    const { session } = await aliceSession();
    const response = await webRequest(mock.url, 'open', {}, { headers: { cookie: `intercom-session-mockapp1=${encodeURIComponent(session)}` } });
    const record = await recordOf(response.seq);
    assert.equal(record.identity.user_id, 'alice');
  });

  it('an unknown session token resumes nothing and is recorded as unknown', async () => {
    const response = await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v3' }, anonymous_session: 'Zm9v--' + '0'.repeat(40) });
    const record = await recordOf(response.seq);
    assert.equal(record.session?.state, 'unknown');
    assert.equal(record.identity.kind, 'lead');
  });

  it('mobile: the users call hands out a session and later calls resume through it', async () => {
    const { token } = await mock.admin.token('bob');
    const login = await mobileRequest(mock.url, 'users', { intercom_user_jwt: token, user: { user_id: 'bob' } });
    assert.equal(login.status, 200);
    const session = (login.body as { session: string }).session;
    const later = await mobileRequest(mock.url, 'conversations', { session });
    const record = await recordOf(later.seq);
    assert.deepEqual(record.identity, { kind: 'user', user_id: 'bob', via: 'session' });
    assert.equal(record.platform, 'android');
  });

  it('a visitor with no identity at all becomes a lead of its own', async () => {
    const response = await webRequest(mock.url, 'ping', {});
    assert.equal(response.status, 200);
    const record = await recordOf(response.seq);
    assert.equal(record.identity.kind, 'lead');
    assert.match(record.identity.lead_id ?? '', /^visitor-/);
  });
});
