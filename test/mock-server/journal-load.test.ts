import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdminApiError, MockAdminClient } from '../../harness/admin-client.ts';
import type { JournalRecord } from '../../mock-server/types.ts';
import { useMock } from '../support/mock-fixture.ts';
import { webRequest } from '../support/messenger-wire.ts';

// A small cap makes the journal spill every 10 records, so reads constantly race spills.
const mock = useMock({ journalCap: 100 });

const PINGS = 1500;
const SENDERS = 8;
const READERS = 3;
/** A reader reads again once this many more pings were answered: reads race spills without swamping the mock. */
const PINGS_PER_READ = 40;

/** Every read must be one snapshot: seq 1, 2, 3, … with no gap or repeat, each record the one whose response named that seq. */
function assertSnapshot(records: JournalRecord[], seqOf: Map<string, number>, what: string, from = 1): void {
  records.forEach((record, index) => {
    assert.equal(record.seq, from + index, `${what}: record ${index} has seq ${record.seq}, expected ${from + index} (seqs ${records[0]?.seq}…${records.at(-1)?.seq}, ${records.length} records)`);
    const visitor = record.user_data?.anonymous_id;
    assert.ok(visitor, `${what}: seq ${record.seq} is not one of this test's pings`);
    assert.equal(seqOf.get(visitor), record.seq, `${what}: seq ${record.seq} holds ${visitor}, whose response said seq ${seqOf.get(visitor)}`);
  });
}

describe('journal under load: reads and exports while spilling and resetting', () => {
  it(`${PINGS} pings, reads, exports and resets: every read is a contiguous, duplicate-free snapshot`, { timeout: 60_000 }, async () => {
    await mock.admin.reset();
    const paged = new MockAdminClient(mock.url, 40);
    const seqOf = new Map<string, number>();
    const reads: { what: string; records: JournalRecord[]; from?: number }[] = [];
    let sent = 0;
    let resets = 0;
    let staleCursors = 0;
    let sending = true;
    let answered = 0;
    let progressed: () => void = () => {};
    let progress = new Promise<void>((resolve) => (progressed = resolve));
    const nextProgress = (): Promise<void> => progress;

    const sender = async (id: number): Promise<void> => {
      while (sent < PINGS) {
        const index = sent++;
        const visitor = `load-${id}-${index}`;
        const response = await webRequest(mock.url, 'ping', { user_data: { anonymous_id: visitor } });
        assert.equal(response.status, 200);
        seqOf.set(visitor, response.seq!);
        if (++answered % PINGS_PER_READ === 0 || answered === PINGS) {
          progressed();
          progress = new Promise<void>((resolve) => (progressed = resolve));
        }
        if (index === Math.floor(PINGS / 3) || index === Math.floor((2 * PINGS) / 3)) {
          resets++;
          await mock.admin.reset();
        }
      }
    };

    const reader = async (id: number): Promise<void> => {
      for (let round = 0; sending; round++) {
        await nextProgress();
        const kind = (id + round) % 5;
        if (kind === 0) reads.push({ what: 'GET /requests', records: await mock.admin.requests() });
        if (kind === 1) reads.push({ what: 'GET /requests?until=200', records: await mock.admin.requests({ until: 200 }) });
        if (kind === 2) {
          const lines = (await mock.admin.exportJournal('ndjson')).split('\n').filter(Boolean);
          reads.push({ what: 'export ndjson', records: lines.map((line) => JSON.parse(line) as JournalRecord) });
        }
        if (kind === 3) {
          const har = JSON.parse(await mock.admin.exportJournal('har')) as { log: { entries: { _journal: JournalRecord }[] } };
          reads.push({ what: 'export har', records: har.log.entries.map((entry) => entry._journal) });
        }
        if (kind === 4) {
          try {
            reads.push({ what: 'paged GET /requests (40 a page)', records: await paged.requests({ since: 30 }), from: 31 });
          } catch (error) {
            // A reset between two pages makes the cursor stale: a 409 that says so, never a mixed answer.
            if (!(error instanceof AdminApiError && error.status === 409)) throw error;
            staleCursors++;
          }
        }
      }
    };

    const started = performance.now();
    const senders = Promise.all(Array.from({ length: SENDERS }, (_, id) => sender(id)));
    const readers = Promise.all(Array.from({ length: READERS }, (_, id) => reader(id)));
    await senders.finally(() => {
      sending = false;
    });
    await readers;

    assert.equal(resets, 2);
    assert.equal(seqOf.size, PINGS);
    assert.ok(reads.length >= 10, `only ${reads.length} reads completed`);
    for (const read of reads) assertSnapshot(read.records, seqOf, read.what, read.from);
    const spilledReads = reads.filter((read) => read.records.length > 100).length;
    assert.ok(spilledReads >= 5, `only ${spilledReads} reads reached into the spill file`);
    const final = await mock.admin.requests();
    assertSnapshot(final, seqOf, 'final read');
    assert.equal(final.length, (await mock.admin.health()).journal.total);
    console.log(`# ${PINGS} pings, ${reads.length} reads (${spilledReads} into the spill, ${staleCursors} stale cursors), ${resets} resets in ${Math.round(performance.now() - started)} ms`);
  });
});
