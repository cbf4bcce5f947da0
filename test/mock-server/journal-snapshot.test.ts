import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Journal } from '../../mock-server/journal/journal.ts';
import type { JournalRecord } from '../../mock-server/types.ts';

function entry(userId = 'alice', claims: Record<string, unknown> = { user_id: userId }): Omit<JournalRecord, 'seq'> {
  return {
    time: '2026-11-21T10:00:00.000Z',
    ns: 'default',
    method: 'POST',
    path: '/messenger/web/ping',
    platform: 'web',
    app_id: 'mockapp1',
    device_id: 'd1',
    user_agent: null,
    user_data: { user_id: userId },
    jwt: { location: 'body.user_data.intercom_user_jwt', fingerprint: '0123456789ab', header: { alg: 'HS256' }, claims, status: 'valid', exp_in_s: 300 },
    session: null,
    identity: { kind: 'user', user_id: userId, via: 'jwt' },
    served: { user_ids: [userId] },
    response: { status: 200 },
  };
}

function tempSpill(): string {
  return join(mkdtempSync(join(tmpdir(), 'journal-snapshot-')), 'spill.ndjson');
}

function appendMany(journal: Journal, count: number, userId?: string): void {
  for (let i = 0; i < count; i++) journal.append(entry(userId));
}

const seqs = (records: JournalRecord[]): number[] => records.map((record) => record.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** 5,000 levels of `{a: {a: …}}`: deep enough that JSON.stringify overflows the stack. */
function deeplyNested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let level = 0; level < depth; level++) {
    const child: Record<string, unknown> = {};
    node['a'] = child;
    node = child;
  }
  return root;
}

describe('journal reads are snapshots', () => {
  it('a query started before a spill returns exactly the records present at its call', async () => {
    const journal = new Journal(100, tempSpill());
    appendMany(journal, 150);
    const reading = journal.query({ until: 400 });
    const exporting = journal.query({});
    appendMany(journal, 100);
    assert.deepEqual(seqs(await reading), range(1, 150));
    assert.deepEqual(seqs(await exporting), range(1, 150));
    assert.deepEqual(seqs(await journal.query({})), range(1, 250));
    journal.close();
  });

  it('the by-user and by-path indexes keep their snapshot too', async () => {
    const journal = new Journal(100, tempSpill());
    appendMany(journal, 150, 'carol');
    const byUser = journal.query({ user_id: 'carol', since: 120 });
    const byPath = journal.query({ path: '/messenger/web/ping', since: 60 });
    appendMany(journal, 200, 'carol');
    assert.deepEqual(seqs(await byUser), range(121, 150));
    assert.deepEqual(seqs(await byPath), range(61, 150));
    journal.close();
  });

  it('a reset during a read neither fails it nor mixes in records from after the reset', async () => {
    const spill = tempSpill();
    const journal = new Journal(100, spill);
    appendMany(journal, 250);
    const reading = journal.query({});
    const exported: JournalRecord[] = [];
    const exporting = (async () => {
      for await (const record of journal.all()) exported.push(record);
    })();
    journal.reset();
    appendMany(journal, 180);
    assert.deepEqual(seqs(await reading), range(1, 250));
    await exporting;
    assert.deepEqual(seqs(exported), range(1, 250));
    assert.deepEqual(seqs(await journal.query({})), range(1, 180));
    journal.close();
  });

  it('limit stops the read early and still returns the first matches in order', async () => {
    const journal = new Journal(10, tempSpill());
    appendMany(journal, 95);
    assert.deepEqual(seqs(await journal.query({ since: 40, limit: 5 })), [41, 42, 43, 44, 45]);
    assert.deepEqual(seqs(await journal.query({ since: 88, limit: 50 })), range(89, 95));
    journal.close();
  });
});

describe('journaling cannot fail on what a record holds', () => {
  it('a 5,000-deep, circular or BigInt record is appended, spilled and read back with markers naming the part', async () => {
    const journal = new Journal(10, tempSpill());
    appendMany(journal, 3);
    journal.append(entry('deep', { user_id: 'deep', nested: deeplyNested(5000) }));
    const circular: Record<string, unknown> = { user_id: 'loop' };
    circular['self'] = circular;
    journal.append(entry('loop', circular));
    journal.append(entry('big', { user_id: 'big', n: 10n ** 30n }));
    const inMemory = await journal.query({ user_id: 'deep' });
    assert.equal(inMemory.length, 1);
    appendMany(journal, 30);
    assert.ok(journal.stats().spilled >= 6, JSON.stringify(journal.stats()));
    const all = await journal.query({});
    assert.deepEqual(seqs(all), range(1, 36));
    const text = JSON.stringify(all.slice(3, 6));
    assert.match(text, /"\$unserializable":"nested deeper than 128 levels at \$\.jwt\.claims\.nested(\.a)+"/);
    assert.match(text, /"\$unserializable":"circular reference at \$\.jwt\.claims\.self to \$\.jwt\.claims"/);
    assert.match(text, /"\$unserializable":"bigint 1000000000000000000000000000000 at \$\.jwt\.claims\.n"/);
    assert.equal(all[3]!.jwt?.claims?.['user_id'], 'deep', 'the serializable rest of the record is kept');
    journal.close();
  });

  it('a record whose JSON would pass 16 MiB keeps its small parts and names the oversized one', async () => {
    const journal = new Journal(10, tempSpill());
    journal.append(entry('huge', { user_id: 'huge', blob: 'x'.repeat(17 << 20) }));
    appendMany(journal, 20);
    const [record] = await journal.query({ limit: 1 });
    assert.equal(record?.jwt?.claims?.['user_id'], 'huge');
    assert.deepEqual(record?.jwt?.claims?.['blob'], { $unserializable: `string of ${17 << 20} characters at $.jwt.claims.blob, over the ${1 << 20} kept` });
    journal.close();
  });

  it('a spill write that fails loses no record and journals none twice once it works again', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'journal-spill-fails-'));
    const blocker = join(folder, 'not-a-folder');
    writeFileSync(blocker, 'a file where the spill folder should be');
    const spill = join(blocker, 'spill.ndjson');
    const journal = new Journal(10, spill);
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      appendMany(journal, 40);
    } finally {
      console.error = originalError;
    }
    assert.deepEqual(seqs(await journal.query({})), range(1, 40));
    assert.match(journal.stats().spillError ?? '', /not-a-folder.*failed/);
    assert.equal(errors.length, 1, 'the failure is reported once, not on every append');
    rmSync(blocker);
    appendMany(journal, 20);
    assert.equal(journal.stats().spillError, null);
    assert.ok(journal.stats().spilled > 0 && journal.stats().inMemory <= 10, JSON.stringify(journal.stats()));
    assert.deepEqual(seqs(await journal.query({})), range(1, 60));
    const spilledSeqs = readFileSync(spill, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as JournalRecord).seq);
    assert.deepEqual(spilledSeqs, range(1, spilledSeqs.length));
    journal.close();
    assert.equal(existsSync(spill), false, 'close removes the spill file');
  });
});
