import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useMock } from '../support/mock-fixture.ts';
import { webRequest } from '../support/messenger-wire.ts';

const mock = useMock();

async function post(path: string, body: unknown) {
  const response = await fetch(`${mock.url}/__admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { error?: string; issues?: { field: string; message: string }[] } };
}

describe('admin API', () => {
  beforeEach(() => mock.admin.reset());

  it('health names the app and the seeded users', async () => {
    const health = await mock.admin.health();
    assert.equal(health.ok, true);
    assert.equal(health.app_id, 'mockapp1');
    assert.deepEqual(health.users, ['alice', 'bob']);
  });

  it('seeded users carry unique canaries in name and conversation', async () => {
    const [alice, bob] = [await mock.admin.user('alice'), await mock.admin.user('bob')];
    assert.equal(alice.canaries.length, 2);
    assert.ok(alice.name.includes(alice.canaries[0]!));
    assert.equal(new Set([...alice.canaries, ...bob.canaries]).size, 4);
  });

  it('POST /users creates a user with canaries; reset keeps seeded users only; reset all empties', async () => {
    const carol = await mock.admin.createUser({ user_id: 'carol', email: 'carol@example.test', conversations: ['c1', 'c2'] });
    assert.equal(carol.canaries.length, 3);
    assert.deepEqual((await mock.admin.health()).users, ['alice', 'bob', 'carol']);
    await mock.admin.reset();
    assert.deepEqual((await mock.admin.health()).users, ['alice', 'bob']);
    await mock.admin.reset({ all: true });
    assert.deepEqual((await mock.admin.health()).users, []);
    await mock.admin.reset();
  });

  it('reset clears the clock offset, faults and marks, and sessions stop resuming', async () => {
    await mock.admin.clock({ offset_s: 500 });
    await mock.admin.fault({ path: '/messenger/web/ping', status: 500 });
    await mock.admin.mark('x');
    const { token } = await mock.admin.token('alice');
    const ping = await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } });
    assert.equal(ping.status, 500);
    await mock.admin.reset();
    assert.equal((await mock.admin.health()).clock_offset_s, 0);
    await mock.admin.mark('x');
    const fresh = await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } });
    assert.equal(fresh.status, 200);
  });

  const invalid: [string, unknown, string][] = [
    ['/users', { email: 'a@b.c' }, 'user_id'],
    ['/users', { user_id: 'x', email: 'not-an-email' }, 'email'],
    ['/tokens', { user_id: 'alice', ttl_s: '60' }, 'ttl_s'],
    ['/tokens', { user_id: 'alice', secret: 'other' }, 'secret'],
    ['/tokens', { user_id: 'alice', alg: 'PS256' }, 'alg'],
    ['/tokens', { user_id: 'alice', colour: 'red' }, 'colour'],
    ['/marks', {}, 'label'],
    ['/clock', { offset_s: 'soon' }, 'offset_s'],
    ['/clock', {}, 'offset_s'],
    ['/faults', { path: 'ping', status: 500 }, 'path'],
    ['/faults', { path: '/messenger/web/ping', status: 99 }, 'status'],
    ['/requests/wait', { count: 0 }, 'count'],
    ['/requests/wait', { timeout_ms: 120000 }, 'timeout_ms'],
    ['/requests/wait', { jwt_status: ['fine'] }, 'jwt_status'],
  ];
  for (const [path, body, field] of invalid) {
    it(`POST ${path} ${JSON.stringify(body)} → 400 naming ${field}`, async () => {
      const response = await post(path, body);
      assert.equal(response.status, 400);
      assert.ok(response.body.issues?.some((issue) => issue.field.split('.')[0] === field), JSON.stringify(response.body));
      assert.match(response.body.error ?? '', new RegExp(field));
    });
  }

  it('GET /requests with a bad query names the parameter', async () => {
    const response = await fetch(`${mock.url}/__admin/requests?platform=desktop`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /platform/);
  });

  it('a body that is not JSON is a 400 that says so', async () => {
    const response = await fetch(`${mock.url}/__admin/marks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /could not be read/);
  });

  describe('faults', () => {
    it('status faults answer instead of the endpoint, `times` times, and are journaled', async () => {
      const fault = await mock.admin.fault({ path: '/messenger/web/ping', status: 503, times: 1 });
      const first = await webRequest(mock.url, 'ping', {});
      const second = await webRequest(mock.url, 'ping', {});
      assert.equal(first.status, 503);
      assert.equal(second.status, 200);
      const [record] = await mock.admin.requests({ limit: 1 });
      assert.deepEqual(record?.fault, { id: fault.id });
      assert.equal(record?.response.status, 503);
    });

    it('delay faults hold the response but journal it at once', async () => {
      await mock.admin.fault({ path: '/messenger/web/*', delay_ms: 300 });
      const started = performance.now();
      const pending = webRequest(mock.url, 'ping', {});
      const [seen] = await mock.admin.waitForRequests({ count: 1, timeout_ms: 1000 });
      const journaledAt = performance.now() - started;
      const response = await pending;
      assert.equal(response.status, 200);
      assert.equal(seen?.response.status, 200);
      assert.ok(journaledAt < 250, `journaled after ${Math.round(journaledAt)} ms`);
      assert.ok(performance.now() - started >= 290);
    });

    it('a custom body is sent as given', async () => {
      await mock.admin.fault({ path: '/messenger/mobile/users', status: 429, body: { retry_after: 5 } });
      const response = await fetch(`${mock.url}/messenger/mobile/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(response.status, 429);
      assert.deepEqual(await response.json(), { retry_after: 5 });
    });
  });

  it('a wrong app_id is answered 404 and journaled', async () => {
    const response = await webRequest(mock.url, 'ping', { app_id: 'otherapp' });
    assert.equal(response.status, 404);
    const [record] = await mock.admin.requests();
    assert.match(record?.response.error ?? '', /otherapp/);
  });
});
