import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, it } from 'node:test';
import type { JournalRecord } from '../../mock-server/types.ts';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';
import { handMadeJwt } from './hand-made-tokens.ts';
import { rawRequest } from './raw-http.ts';

const mock = useMock();

async function postAdmin(path: string, body: unknown) {
  const response = await fetch(`${mock.url}/__admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as { error?: string; issues?: { field: string; message: string }[] } };
}

/** A token whose claims nest `depth` arrays deep, with a signature no secret made: ~12 KB at 4,500 levels. */
function deeplyNestedToken(depth: number): string {
  const claims = `{"user_id":"alice","n":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  return `${header}.${Buffer.from(claims).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
}

describe('a hostile JWT cannot break the journal', () => {
  beforeEach(() => mock.admin.reset());

  it('claims nested 4,500 levels deep: 401 malformed with the reason, then /requests, wait and export answer 200 with the record', async () => {
    const token = deeplyNestedToken(4500);
    assert.ok(token.length > 12_000, `token is ${token.length} characters`);
    const response = await mobileRequest(mock.url, 'users', {}, { headers: { 'x-intercom-user-jwt': token } });
    assert.equal(response.status, 401);

    const timeout = AbortSignal.timeout(5000);
    const requests = await fetch(`${mock.url}/__admin/requests`, { signal: timeout });
    assert.equal(requests.status, 200);
    const [record] = ((await requests.json()) as { requests: JournalRecord[] }).requests;
    assert.equal(record?.jwt?.status, 'malformed');
    assert.match(record?.jwt?.reason ?? '', /claims nest deeper than 32 levels/);
    assert.equal(record?.jwt?.location, 'header.x-intercom-user-jwt');
    assert.ok(JSON.stringify(record).length < 4000, `record is ${JSON.stringify(record).length} characters`);

    const wait = await fetch(`${mock.url}/__admin/requests/wait`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, timeout_ms: 1000 }),
      signal: timeout,
    });
    assert.equal(wait.status, 200);
    assert.equal(((await wait.json()) as { requests: JournalRecord[] }).requests[0]?.seq, record?.seq);

    for (const format of ['ndjson', 'har']) {
      const exported = await fetch(`${mock.url}/__admin/requests/export?format=${format}`, { signal: timeout });
      assert.equal(exported.status, 200);
      const text = await exported.text();
      assert.match(text, /claims nest deeper than 32 levels/);
      assert.ok(!text.includes(token.split('.')[2]!), `the ${format} export holds the token's signature`);
    }
  });

  it('a token longer than 16384 characters is malformed for its length, its claims not kept', async () => {
    const token = handMadeJwt({ alg: 'HS256' }, { user_id: 'alice', filler: 'x'.repeat(20_000) });
    const response = await mobileRequest(mock.url, 'users', { intercom_user_jwt: token });
    assert.equal(response.status, 401);
    const [record] = await mock.admin.requests();
    assert.equal(record?.jwt?.status, 'malformed');
    assert.match(record?.jwt?.reason ?? '', /longer than 16384/);
    assert.equal(record?.jwt?.claims, null);
  });

  it('a header that nests deeper than 32 levels is malformed too', async () => {
    const token = handMadeJwt({ alg: 'HS256', x: JSON.parse('['.repeat(40) + ']'.repeat(40)) }, { user_id: 'alice' });
    await mobileRequest(mock.url, 'users', { intercom_user_jwt: token });
    const [record] = await mock.admin.requests();
    assert.equal(record?.jwt?.status, 'malformed');
    assert.match(record?.jwt?.reason ?? '', /header nests deeper than 32 levels/);
  });
});

describe('the clock only takes values it can represent', () => {
  beforeEach(() => mock.admin.reset());

  for (const [body, field] of [
    [{ offset_s: 1e13 }, 'offset_s'],
    [{ offset_s: -1e13 }, 'offset_s'],
    [{ advance_s: 1e308 }, 'advance_s'],
    [{ advance_s: -1e308 }, 'advance_s'],
  ] as const) {
    it(`POST /clock ${JSON.stringify(body)} → 400 naming ${field} and the range; the clock and the messenger carry on`, async () => {
      await mock.admin.clock({ offset_s: 60 });
      const response = await postAdmin('/clock', body);
      assert.equal(response.status, 400);
      assert.ok(response.body.issues?.some((issue) => issue.field === field), JSON.stringify(response.body));
      assert.match(response.body.error ?? '', new RegExp(`${field}.*3155760000`));
      assert.equal((await mock.admin.health()).clock_offset_s, 60);
      const ping = await webRequest(mock.url, 'ping', {});
      assert.equal(ping.status, 200);
      assert.equal((await mock.admin.requests()).length, 1);
    });
  }

  it('advance_s that would carry the offset past the range is refused, naming advance_s', async () => {
    await mock.admin.clock({ offset_s: 3_000_000_000 });
    const response = await postAdmin('/clock', { advance_s: 200_000_000 });
    assert.equal(response.status, 400);
    assert.match(response.body.error ?? '', /advance_s/);
    assert.equal((await mock.admin.health()).clock_offset_s, 3_000_000_000);
  });

  it('the edges of the range are accepted', async () => {
    assert.equal((await postAdmin('/clock', { offset_s: -3_155_760_000 })).status, 200);
    assert.equal((await postAdmin('/clock', { offset_s: 3_155_760_000 })).status, 200);
    assert.equal((await webRequest(mock.url, 'ping', {})).status, 200);
  });
});

describe('a messenger request that fails inside the mock', () => {
  beforeEach(() => mock.admin.reset());

  it('is answered with a JSON error and journaled with it, never an HTML stack trace', async () => {
    const { workspace } = mock.server.state;
    const original = workspace.ensureLead.bind(workspace);
    workspace.ensureLead = () => {
      throw new Error('workspace exploded');
    };
    try {
      const response = await fetch(`${mock.url}/messenger/web/ping`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'app_id=mockapp1' });
      assert.equal(response.status, 500);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const body = await response.text();
      assert.doesNotMatch(body, /<pre>|at .*\.ts:\d+/);
      assert.match(body, /workspace exploded/);
      const [record] = await mock.admin.requests();
      assert.equal(record?.response.status, 500);
      assert.match(record?.response.error ?? '', /workspace exploded/);
      assert.equal(response.headers.get('x-mock-seq'), String(record?.seq));
    } finally {
      workspace.ensureLead = original;
    }
  });

  it('even when the clock itself cannot tell the time', async () => {
    const { clock } = mock.server.state;
    const original = clock.nowMs.bind(clock);
    clock.nowMs = () => Number.NaN;
    try {
      const response = await fetch(`${mock.url}/messenger/mobile/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(response.status, 500);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    } finally {
      clock.nowMs = original;
    }
    const [record] = await mock.admin.requests();
    assert.equal(record?.response.status, 500);
    assert.match(record?.response.error ?? '', /Invalid time value/);
  });
});

describe('large request headers', () => {
  beforeEach(() => mock.admin.reset());

  it('a 20 KB header is accepted, journaled and its JWT judged', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } }, { headers: { 'x-filler': 'f'.repeat(20 * 1024) } });
    assert.equal(response.status, 200);
    const [record] = await mock.admin.requests();
    assert.equal(record?.jwt?.status, 'valid');
  });

  it('a 20 KB token in a header is judged malformed for its length', async () => {
    const token = handMadeJwt({ alg: 'HS256' }, { user_id: 'alice', filler: 'x'.repeat(15_000) });
    const response = await mobileRequest(mock.url, 'users', {}, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 401);
    const [record] = await mock.admin.requests();
    assert.equal(record?.jwt?.location, 'header.authorization');
    assert.match(record?.jwt?.reason ?? '', /longer than 16384/);
  });

  it('headers beyond 64 KiB are refused 431 in JSON, and the refusal is journaled', async () => {
    const response = await rawRequest(mock.url, 'POST', '/messenger/web/ping', { 'content-type': 'application/json', 'x-filler': 'f'.repeat(70 * 1024) }, '{}');
    assert.equal(response.status, 431);
    assert.match(response.text, /65536/);
    const [record] = await mock.admin.requests();
    assert.equal(record?.path, '/messenger/web/ping');
    assert.equal(record?.response.status, 431);
  });
});

describe('bodies too large to read', () => {
  beforeEach(() => mock.admin.reset());

  it('a body over 16 MiB is a JSON 413, journaled with its header token judged', async () => {
    const bad = await mock.admin.token('alice', { secret: 'wrong' });
    const response = await fetch(`${mock.url}/messenger/mobile/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bad.token}` },
      body: JSON.stringify({ filler: 'f'.repeat(16 * 1024 * 1024 + 1) }),
    });
    assert.equal(response.status, 413);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const [record] = await mock.admin.requests();
    assert.equal(record?.response.status, 413);
    assert.equal(record?.jwt?.status, 'bad_signature');
  });
});

describe('headers Node itself cannot read', () => {
  beforeEach(() => mock.admin.reset());

  it('beyond 1 MiB the request line is lost, but the 431 is JSON and journaled', async () => {
    const response = await rawRequest(mock.url, 'POST', '/messenger/web/ping', { 'x-filler': 'f'.repeat(1100 * 1024) }, '{}');
    assert.equal(response.status, 431);
    assert.match(response.headers['content-type'] as string, /application\/json/);
    const [record] = await mock.admin.requests();
    assert.equal(record?.response.status, 431);
    assert.equal(response.headers['x-mock-seq'], String(record?.seq));
    assert.match(record?.response.error ?? '', /1048576/);
  });
});

describe('faults carry only statuses a response can', () => {
  beforeEach(() => mock.admin.reset());

  for (const status of [100, 101, 199, 600]) {
    it(`status ${status} → 400 naming status`, async () => {
      const response = await postAdmin('/faults', { path: '/messenger/web/ping', status });
      assert.equal(response.status, 400);
      assert.ok(response.body.issues?.some((issue) => issue.field === 'status'), JSON.stringify(response.body));
      assert.match(response.body.error ?? '', /status.*200.*599/);
      assert.deepEqual((await (await fetch(`${mock.url}/__admin/faults`)).json()), { faults: [] });
    });
  }

  it('status 200 and 599 are delivered as journaled', async () => {
    await mock.admin.fault({ path: '/messenger/web/ping', status: 599, times: 1 });
    const response = await webRequest(mock.url, 'ping', {});
    assert.equal(response.status, 599);
    assert.equal((await mock.admin.requests())[0]?.response.status, 599);
  });
});
