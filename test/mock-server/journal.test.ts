import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { AdminApiError} from '../../harness/admin-client.ts';
import { WaitTimeoutError } from '../../harness/admin-client.ts';
import { useMock } from '../support/mock-fixture.ts';
import { IOS_UA, mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();
const small = useMock({ journalCap: 100 });
// The burst's own mock: its 2,000 requests go out on new connections, none on one that an earlier
// test left idle in fetch's pool and the mock may be closing for idleness as the request arrives.
const burst = useMock();

async function pings(count: number, url = mock.url) {
  return Promise.all(Array.from({ length: count }, (_, index) => webRequest(url, 'ping', { user_data: { anonymous_id: `v${index}` } })));
}

describe('journal', () => {
  beforeEach(async () => {
    await mock.admin.reset();
    await small.admin.reset();
  });

  it('records every listed field, before the response is sent', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'ping', { user_data: { user_id: 'alice', intercom_user_jwt: token } }, { headers: { 'user-agent': 'test-browser' } });
    const [record] = await mock.admin.requests();
    assert.equal(record?.seq, response.seq);
    for (const field of ['seq', 'time', 'ns', 'method', 'path', 'platform', 'app_id', 'device_id', 'jwt', 'session', 'identity', 'served', 'response']) {
      assert.ok(record && field in record, `record has ${field}`);
    }
    assert.equal(record?.path, '/messenger/web/ping');
    assert.equal(record?.platform, 'web');
    assert.equal(record?.app_id, 'mockapp1');
    assert.equal(record?.device_id, 'dev-web-1');
    assert.equal(record?.ns, 'default');
    assert.deepEqual(record?.response, { status: 200 });
    assert.deepEqual(record?.user_data, { user_id: 'alice' });
    assert.ok(!JSON.stringify(record).includes(token.split('.')[2]!), 'no signature in the record');
  });

  it('seq restarts at 1 after a reset and marks do not consume one', async () => {
    await pings(2);
    await mock.admin.reset();
    const mark = await mock.admin.mark('start');
    assert.equal(mark.seq, 0);
    const [first] = await pings(1);
    assert.equal(first?.seq, 1);
  });

  it('filters: since (seq or mark, exclusive), platform, user_id (any trace), path, jwt_status, ns', async () => {
    const { token } = await mock.admin.token('alice');
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } });
    await mock.admin.mark('after-visitor');
    await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } });
    await mobileRequest(mock.url, 'users', { intercom_user_jwt: token }, { userAgent: IOS_UA });
    await webRequest(mock.url, 'ping', { user_data: { user_id: 'bob' } }, { headers: { 'x-mock-ns': 'worker-2' } });

    assert.deepEqual((await mock.admin.requests({ since: 'after-visitor' })).map((r) => r.seq), [2, 3, 4]);
    assert.deepEqual((await mock.admin.requests({ since: 2 })).map((r) => r.seq), [3, 4]);
    assert.deepEqual((await mock.admin.requests({ platform: 'ios' })).map((r) => r.seq), [3]);
    assert.deepEqual((await mock.admin.requests({ user_id: 'alice' })).map((r) => r.seq), [2, 3]);
    assert.deepEqual((await mock.admin.requests({ user_id: 'bob' })).map((r) => r.seq), [4]);
    assert.deepEqual((await mock.admin.requests({ path: '/messenger/mobile/*' })).map((r) => r.seq), [3]);
    assert.deepEqual((await mock.admin.requests({ path: '/messenger/web/ping' })).map((r) => r.seq), [1, 2, 4]);
    assert.deepEqual((await mock.admin.requests({ jwt_status: ['none'] })).map((r) => r.seq), [1, 4]);
    assert.deepEqual((await mock.admin.requests({ jwt_status: ['valid'] })).map((r) => r.seq), [2, 3]);
    assert.deepEqual((await mock.admin.requests({ ns: 'worker-2' })).map((r) => r.seq), [4]);
  });

  it('an unknown mark label is a 400 that names it; a repeated label is a 409', async () => {
    await assert.rejects(mock.admin.requests({ since: 'nope' }), (error: AdminApiError) => error.status === 400 && /unknown mark label "nope"/.test(error.message));
    await mock.admin.mark('m');
    await assert.rejects(mock.admin.mark('m'), (error: AdminApiError) => error.status === 409);
  });

  it('wait answers with the matching request: within 100 ms of that request\'s own response', async () => {
    const waiting = mock.admin.waitForRequests({ path: '/messenger/web/ping', count: 1, timeout_ms: 5000 }).then((requests) => ({ requests, at: performance.now() }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Measured from the ping's response, not from sending it: the mock journals the ping and wakes
    // the wait before it answers the ping, so on a loaded machine both answers are late together.
    const [ping] = await pings(1);
    const answeredAt = performance.now();
    const { requests, at } = await waiting;
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.seq, ping?.seq);
    assert.ok(at - answeredAt < 100, `the wait answered ${Math.round(at - answeredAt)} ms after the ping's own response`);
  });

  it('wait returns every match so far once the count is reached, including earlier ones', async () => {
    await pings(2);
    const requests = await mock.admin.waitForRequests({ count: 2, timeout_ms: 1000 });
    assert.equal(requests.length, 2);
  });

  it('wait times out with 408 and what it saw', async () => {
    await pings(1);
    const started = performance.now();
    await assert.rejects(mock.admin.waitForRequests({ count: 3, timeout_ms: 200 }), (error: WaitTimeoutError) => {
      assert.ok(error instanceof WaitTimeoutError);
      assert.equal(error.seen.length, 1);
      return true;
    });
    assert.ok(performance.now() - started >= 190);
  });

  it('2,000 concurrent requests make 2,000 records with strictly increasing seq and no gap', async () => {
    const responses = await pings(2000, burst.url);
    assert.equal(responses.filter((response) => response.status === 200).length, 2000);
    const records = await burst.admin.requests();
    assert.equal(records.length, 2000);
    records.forEach((record, index) => assert.equal(record.seq, index + 1));
    assert.deepEqual(new Set(responses.map((response) => response.seq)).size, 2000);
  });

  it('beyond the cap, old records spill to file and queries and exports still return all of them', async () => {
    await pings(250, small.url);
    const health = await small.admin.health();
    assert.equal(health.journal.total, 250);
    assert.ok(health.journal.spilled > 0 && health.journal.in_memory <= 100, JSON.stringify(health.journal));
    const records = await small.admin.requests();
    assert.deepEqual(records.map((record) => record.seq), Array.from({ length: 250 }, (_, index) => index + 1));
    assert.equal((await small.admin.requests({ since: 10, limit: 5 })).map((r) => r.seq).join(), '11,12,13,14,15');
    const lines = (await small.admin.exportJournal('ndjson')).trim().split('\n');
    assert.equal(lines.length, 250);
  });

  it('exports NDJSON and HAR without any token signature', async () => {
    const { token } = await mock.admin.token('alice');
    await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } });
    const ndjson = await mock.admin.exportJournal('ndjson');
    const har = JSON.parse(await mock.admin.exportJournal('har'));
    assert.equal(ndjson.trim().split('\n').length, 1);
    assert.equal(har.log.version, '1.2');
    assert.equal(har.log.entries.length, 1);
    assert.equal(har.log.entries[0].request.url, `${mock.url}/messenger/web/ping`);
    assert.equal(har.log.entries[0]._journal.jwt.status, 'valid');
    const signature = token.split('.')[2]!;
    assert.ok(!ndjson.includes(signature) && !JSON.stringify(har).includes(signature));
  });

  it('a body the mock cannot parse is still journaled, with a 400 naming the problem', async () => {
    const response = await fetch(`${mock.url}/messenger/mobile/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken' });
    assert.equal(response.status, 400);
    const badUserData = await webRequest(mock.url, 'ping', { user_data: '{not json' });
    assert.equal(badUserData.status, 400);
    assert.match(JSON.stringify(badUserData.body), /user_data is not valid JSON/);
    const records = await mock.admin.requests();
    assert.deepEqual(records.map((record) => record.response.status), [400, 400]);
  });

  it('unknown messenger paths are journaled as 404s', async () => {
    const response = await webRequest(mock.url, 'nonexistent', {});
    assert.equal(response.status, 404);
    const [record] = await mock.admin.requests();
    assert.equal(record?.path, '/messenger/web/nonexistent');
  });
});
