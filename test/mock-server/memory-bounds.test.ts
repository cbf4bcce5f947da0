import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { SessionStore } from '../../mock-server/session-store.ts';
import { Workspace } from '../../mock-server/workspace.ts';
import { useMock } from '../support/mock-fixture.ts';
import { webRequest } from '../support/messenger-wire.ts';

const mock = useMock({ sessionCap: 3, leadCap: 3 });

async function recordOf(seq: number | null) {
  const [record] = await mock.admin.requests({ since: seq! - 1, limit: 1 });
  return record!;
}

describe('sessions and leads stay under their caps', () => {
  beforeEach(() => mock.admin.reset());

  it('the session store forgets the least recently used past its cap, and knows it did', () => {
    const store = new SessionStore(3600, () => 1000, 2);
    const first = store.issue({ kind: 'lead', lead_id: 'l1' });
    const second = store.issue({ kind: 'lead', lead_id: 'l2' });
    assert.equal(store.lookup(first.token).state, 'live', 'a lookup makes the first the most recently used');
    store.issue({ kind: 'lead', lead_id: 'l3' });
    assert.equal(store.size, 2);
    assert.deepEqual(store.lookup(second.token), { state: 'unknown', fingerprint: second.fingerprint, evicted: true });
    assert.equal(store.lookup(first.token).state, 'live');
    assert.deepEqual(store.stats(), { held: 2, cap: 2, evicted: 1 });
    store.clear();
    assert.deepEqual(store.lookup(first.token), { state: 'unknown', fingerprint: first.fingerprint }, 'after a reset a token is unknown, not evicted');
    assert.equal(store.lookup('Zm9v--' + '0'.repeat(40)).state, 'unknown');
    assert.equal('evicted' in store.lookup('Zm9v--' + '0'.repeat(40)), false, 'a token the mock never issued is not called evicted');
  });

  it('the workspace holds at most its cap of leads', () => {
    const workspace = new Workspace([], 'tests', () => 1000, 5);
    for (let i = 0; i < 50; i++) workspace.ensureLead(`visitor-${i}`);
    assert.deepEqual(workspace.leadStats(), { held: 5, cap: 5, evicted: 45 });
  });

  it('a replayed evicted session is recorded as unknown because it was evicted, and resumes nothing', async () => {
    const { token } = await mock.admin.token('alice', { ttl_s: 300 });
    const ping = await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } });
    const aliceSession = (ping.body as { anonymous_session: string }).anonymous_session;
    for (let i = 0; i < 3; i++) assert.equal((await webRequest(mock.url, 'ping', {})).status, 200);
    const health = await mock.admin.health();
    assert.deepEqual(health.sessions, { held: 3, cap: 3, evicted: 1 });
    assert.ok(health.leads.held <= 3, JSON.stringify(health.leads));

    const replay = await webRequest(mock.url, 'conversations', { anonymous_session: aliceSession });
    assert.equal(replay.status, 403, 'a request with only a forgotten session identifies no one');
    const record = await recordOf(replay.seq);
    const issued = await recordOf(ping.seq);
    assert.deepEqual(record.session, { fingerprint: issued.session_issued, user_id: null, state: 'unknown', evicted: true });
    assert.deepEqual(record.identity, { kind: 'none' });
    assert.deepEqual(record.served.user_ids, []);
  });
});
