import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { MockAdminClient } from '../../harness/admin-client.ts';
import type { JournalRecord } from '../../mock-server/types.ts';
import { useMock } from '../support/mock-fixture.ts';
import { webRequest } from '../support/messenger-wire.ts';

const mock = useMock({ journalCap: 20 });

type Page = { requests: JournalRecord[]; next_cursor?: string; error?: string };

async function get(query: string): Promise<{ status: number; body: Page; headers: Headers }> {
  const response = await fetch(`${mock.url}/__admin/requests?${query}`);
  return { status: response.status, body: (await response.json()) as Page, headers: response.headers };
}

/** Appends in-process: fast, and free to hold what no HTTP client would send. */
function append(count: number, claims: Record<string, unknown> = {}): void {
  for (let i = 0; i < count; i++) {
    mock.server.state.journal.append({
      time: new Date().toISOString(), ns: 'default', method: 'POST', path: '/messenger/web/ping', platform: 'web', app_id: 'mockapp1',
      device_id: null, user_agent: null, user_data: { user_id: 'carol' },
      jwt: { location: 'body.user_data.intercom_user_jwt', fingerprint: '0123456789ab', header: { alg: 'HS256' }, claims: { user_id: 'carol', ...claims }, status: 'valid', exp_in_s: 60 },
      session: null, identity: { kind: 'user', user_id: 'carol', via: 'jwt' }, served: { user_ids: ['carol'] }, response: { status: 200 },
    });
  }
}

const seqs = (records: JournalRecord[]): number[] => records.map((record) => record.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('GET /requests pages with limit and cursor, and streams what it sends', () => {
  beforeEach(() => mock.admin.reset());

  it('a page that stops at limit names the next_cursor; following it reads the rest of the same snapshot', async () => {
    append(45);
    const first = await get('limit=20&since=2');
    assert.deepEqual(seqs(first.body.requests), range(3, 22));
    assert.ok(first.body.next_cursor, 'a cursor follows a full page');
    append(10);
    const second = await get(`limit=20&cursor=${first.body.next_cursor}`);
    assert.deepEqual(seqs(second.body.requests), range(23, 42));
    const third = await get(`limit=20&cursor=${second.body.next_cursor}`);
    assert.deepEqual(seqs(third.body.requests), range(43, 45), 'records appended after the first page are not part of its snapshot');
    assert.equal(third.body.next_cursor, undefined);
    assert.equal((await get('limit=55')).body.next_cursor, undefined, 'no cursor when the page holds every match');
  });

  it('a cursor from before a reset is a 409, a malformed one or one sent with since is a 400', async () => {
    append(30);
    const { body } = await get('limit=5');
    await mock.admin.reset();
    const stale = await get(`limit=5&cursor=${body.next_cursor}`);
    assert.equal(stale.status, 409);
    assert.match(stale.body.error ?? '', /has been reset since/);
    assert.equal((await get('cursor=nonsense')).status, 400);
    assert.equal((await get(`since=3&cursor=${body.next_cursor}`)).status, 400);
  });

  it('the admin client follows the cursor: every record without paging by hand, and limit across pages', async () => {
    append(57);
    const client = new MockAdminClient(mock.url, 7);
    assert.deepEqual(seqs(await client.requests()), range(1, 57));
    assert.deepEqual(seqs(await client.requests({ since: 10, limit: 12 })), range(11, 22));
    assert.deepEqual(seqs(await client.requests({ user_id: 'carol', until: 30 })), range(1, 30));
  });

  it('a long answer is streamed in chunks, not built as one string', async () => {
    append(1500);
    const response = await get('');
    assert.equal(response.status, 200);
    assert.equal(response.body.requests.length, 1500);
    assert.equal(response.headers.get('transfer-encoding'), 'chunked');
    assert.equal(response.headers.get('content-length'), null);
    const exported = await fetch(`${mock.url}/__admin/requests/export?format=ndjson`);
    assert.equal(exported.headers.get('transfer-encoding'), 'chunked');
    assert.equal((await exported.text()).trim().split('\n').length, 1500);
  });

  it('a record nested 5,000 deep is served by /requests, wait and both exports, in memory and from the spill', async () => {
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 5000; level++) deep = { a: deep };
    append(1, { nested: deep });
    const check = (records: JournalRecord[], where: string): void => {
      assert.equal(records.length >= 1, true, where);
      assert.equal(records[0]!.seq, 1, where);
      assert.match(JSON.stringify(records[0]), /"\$unserializable":"nested deeper than 128 levels at \$(\._journal)?\.jwt\.claims\.nested/, where);
    };
    const readAll = async (where: string): Promise<void> => {
      check((await get('')).body.requests, `${where}: GET /requests`);
      check(await mock.admin.waitForRequests({ count: 1, timeout_ms: 1000 }), `${where}: wait`);
      const ndjson = await mock.admin.exportJournal('ndjson');
      check(ndjson.trim().split('\n').map((line) => JSON.parse(line) as JournalRecord), `${where}: ndjson`);
      const har = JSON.parse(await mock.admin.exportJournal('har')) as { log: { entries: { _journal: JournalRecord }[] } };
      check(har.log.entries.map((entry) => entry._journal), `${where}: har`);
    };
    await readAll('in memory');
    for (let i = 0; i < 30; i++) assert.equal((await webRequest(mock.url, 'ping', { user_data: { anonymous_id: `v${i}` } })).status, 200);
    assert.ok((await mock.admin.health()).journal.spilled >= 1);
    await readAll('spilled');
    assert.deepEqual(seqs(await mock.admin.requests()), range(1, 31));
  });
});
