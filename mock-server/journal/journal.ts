import { randomUUID } from 'node:crypto';
import type { JournalRecord, RecordFilter } from '../types.ts';
import { matchesFilter, userTraces } from './record-filter.ts';
import { serializeRecord } from './safe-json.ts';
import { SpillFile } from './spill-file.ts';
import { StringPool } from './string-pool.ts';
export interface Mark {
  label: string;
  seq: number;
  time: string;
  /** Send-order position of the boundary, when whoever marked knows it (see JournalRecord.sent). */
  sent?: number;
}

export interface JournalStats {
  /** Records ever appended since the last reset. */
  total: number;
  inMemory: number;
  spilled: number;
  cap: number;
  spillFile: string;
  firstSeqInMemory: number;
  /** Why the last spill write failed, while records above the cap wait in memory for a retry; null when spilling works. */
  spillError: string | null;
}

export interface WaitResult {
  satisfied: boolean;
  requests: JournalRecord[];
}

/** A read of the journal as it was at the call: spilled and in-memory records, one consistent snapshot. */
export interface JournalRead {
  /** Changes on every reset: a cursor from another generation names records that are gone. */
  generation: string;
  /** Highest seq the snapshot can return: the filter's `until`, or the latest seq at the call. */
  until: number;
  /** Matching records, ascending by seq. Reading to the end or breaking out of it releases the snapshot. */
  records: AsyncGenerator<JournalRecord>;
  /** Frees the snapshot's hold on the spill file; for a read that may end before its records were touched. Idempotent. */
  release(): void;
}

export interface JournalOptions {
  /** Leave the spill file in place when the journal closes (a reset still removes it). */
  keepSpillFile?: boolean;
}

interface Waiter {
  filter: RecordFilter;
  count: number;
  matches: JournalRecord[];
  finish: (satisfied: boolean) => void;
  /** False until the history before registration has been merged in. */
  ready: () => boolean;
}

/** Text per spill write: bounds one write's buffer whatever the records hold. */
const SPILL_BATCH_CHARS = 8 << 20;

/**
 * Every messenger request, in arrival order. `seq` is assigned synchronously on append, so it
 * strictly increases with no gaps however many requests are in flight. The newest `cap` records
 * stay in memory behind per-user and per-path indexes; older ones are appended to an NDJSON spill
 * file, and reads that reach back past memory read it, so nothing recorded is lost.
 *
 * Reads are snapshots taken synchronously at the call: the in-memory array and the index arrays
 * are replaced, never shifted, when records spill, so a read keeps the arrays and lengths it
 * started with, plus a lease on the spill's committed length. Spilling or a reset during the read
 * changes neither.
 */
export class Journal {
  private records: JournalRecord[] = [];
  private byUser = new Map<string, number[]>();
  private byPath = new Map<string, number[]>();
  private marks = new Map<string, Mark>();
  private waiters = new Set<Waiter>();
  private lastSeq = 0;
  private readonly strings = new StringPool();
  private spill: SpillFile;
  private generationId = randomUUID().slice(0, 8);
  private spillFailure: string | null = null;
  /** After a failed spill, the in-memory count at which it is tried again (one chunk later). */
  private retrySpillAt = 0;
  private closed = false;

  constructor(
    private readonly cap: number,
    private readonly spillFile: string,
    private readonly options: JournalOptions = {},
  ) {
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`journal cap must be a positive integer, got ${cap}`);
    this.spill = new SpillFile(spillFile, options.keepSpillFile ?? false);
  }

  append(entry: Omit<JournalRecord, 'seq'>): JournalRecord {
    const record = { seq: ++this.lastSeq, ...entry } as JournalRecord;
    const strings = this.strings;
    record.ns = strings.intern(record.ns);
    record.method = strings.intern(record.method);
    record.path = strings.intern(record.path);
    record.app_id = strings.intern(record.app_id);
    record.device_id = strings.intern(record.device_id);
    record.user_agent = strings.intern(record.user_agent);
    this.records.push(record);
    for (const user of userTraces(record)) pushIndex(this.byUser, user, record.seq);
    pushIndex(this.byPath, record.path, record.seq);
    if (this.records.length > this.cap && this.records.length >= this.retrySpillAt) this.spillOldest();
    for (const waiter of this.waiters) {
      if (!matchesFilter(record, waiter.filter)) continue;
      waiter.matches.push(record);
      if (waiter.ready() && waiter.matches.length >= waiter.count) waiter.finish(true);
    }
    return record;
  }

  get latestSeq(): number {
    return this.lastSeq;
  }

  get generation(): string {
    return this.generationId;
  }

  stats(): JournalStats {
    return {
      total: this.lastSeq,
      inMemory: this.records.length,
      spilled: this.spill.records,
      cap: this.cap,
      spillFile: this.spillFile,
      firstSeqInMemory: this.firstSeqInMemory(),
      spillError: this.spillFailure,
    };
  }

  /** Records matching `filter`, ascending by seq, from memory only. */
  queryInMemory(filter: RecordFilter): JournalRecord[] {
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const result: JournalRecord[] = [];
    if (limit < 1) return result;
    for (const record of this.memoryView(filter, filter.since ?? 0, filter.until ?? Number.POSITIVE_INFINITY)()) {
      result.push(record);
      if (result.length >= limit) break;
    }
    return result;
  }

  /** The snapshot read of `filter` (see JournalRead), taken now. */
  read(filter: RecordFilter): JournalRead {
    const since = filter.since ?? 0;
    const until = Math.min(filter.until ?? Number.POSITIVE_INFINITY, this.lastSeq);
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const memory = this.memoryView(filter, since, until);
    const lease = since < this.firstSeqInMemory() - 1 && since < until ? this.spill.lease() : null;
    async function* records(): AsyncGenerator<JournalRecord> {
      let count = 0;
      try {
        if (lease) {
          for await (const record of lease.records(since)) {
            if (count >= limit || record.seq > until) break;
            if (!matchesFilter(record, filter)) continue;
            yield record;
            count++;
          }
        }
      } finally {
        lease?.release();
      }
      for (const record of memory()) {
        if (count >= limit) return;
        yield record;
        count++;
      }
    }
    return { generation: this.generationId, until, records: records(), release: () => lease?.release() };
  }

  /** Records matching `filter`, reading the spill file first when the range reaches into it. */
  async query(filter: RecordFilter): Promise<JournalRecord[]> {
    const result: JournalRecord[] = [];
    for await (const record of this.read(filter).records) result.push(record);
    return result;
  }

  /** Everything recorded, spilled records first: what an export must contain. */
  all(): AsyncGenerator<JournalRecord> {
    return this.read({}).records;
  }

  /**
   * Resolves once `count` records match, with every match so far; or, when `timeoutMs` passes
   * or `signal` aborts first, with what matched until then and `satisfied: false`. The waiter is
   * registered in the same tick as the history snapshot, so no record can slip between them.
   */
  wait(filter: RecordFilter, count: number, timeoutMs: number, signal?: AbortSignal): Promise<WaitResult> {
    return new Promise((resolve) => {
      let historyRead = false;
      const waiter: Waiter = {
        filter,
        count,
        matches: [],
        finish: (satisfied) => {
          if (!this.waiters.delete(waiter)) return;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve({ satisfied, requests: waiter.matches });
        },
        ready: () => historyRead,
      };
      const onAbort = (): void => waiter.finish(false);
      const timer = setTimeout(() => waiter.finish(false), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
      const history = this.read(filter);
      collect(history.records).then(
        (records) => {
          waiter.matches = records.concat(waiter.matches);
          historyRead = true;
          if (waiter.matches.length >= count) waiter.finish(true);
        },
        () => waiter.finish(false),
      );
    });
  }

  addMark(label: string, time: string, sent?: number): Mark {
    if (this.marks.has(label)) throw new MarkExistsError(label);
    const mark: Mark = { label, seq: this.lastSeq, time, ...(sent !== undefined ? { sent } : {}) };
    this.marks.set(label, mark);
    return mark;
  }

  getMark(label: string): Mark | undefined {
    return this.marks.get(label);
  }

  listMarks(): Mark[] {
    return [...this.marks.values()];
  }

  /** Empties the journal: records, spill file, marks; seq restarts at 1. Pending waits end unsatisfied; reads under way finish on their snapshot. */
  reset(): void {
    for (const waiter of [...this.waiters]) waiter.finish(false);
    this.records = [];
    this.byUser = new Map();
    this.byPath = new Map();
    this.marks = new Map();
    this.lastSeq = 0;
    this.spill.retire(true);
    this.spill = new SpillFile(this.spillFile, this.options.keepSpillFile ?? false);
    this.generationId = randomUUID().slice(0, 8);
    this.spillFailure = null;
    this.retrySpillAt = 0;
  }

  /** Ends the journal with its server: pending waits end unsatisfied, the spill file goes unless kept. Later records stay in memory. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.finish(false);
    this.spill.close();
  }

  private firstSeqInMemory(): number {
    return this.records[0]?.seq ?? this.lastSeq + 1;
  }

  /** A generator over the in-memory records matching `filter` as they are now, however they change later. */
  private memoryView(filter: RecordFilter, since: number, until: number): () => Generator<JournalRecord> {
    const records = this.records;
    const end = records.length;
    const first = this.firstSeqInMemory();
    const candidates = filter.user_id !== undefined
      ? this.byUser.get(filter.user_id) ?? []
      : filter.path !== undefined && !filter.path.endsWith('*')
        ? this.byPath.get(filter.path) ?? []
        : null;
    const candidateEnd = candidates?.length ?? 0;
    return function* () {
      if (candidates) {
        for (let i = firstIndexAbove(candidates, Math.max(since, first - 1)); i < candidateEnd; i++) {
          const seq = candidates[i]!;
          if (seq > until) return;
          const record = records[seq - first]!;
          if (matchesFilter(record, filter)) yield record;
        }
        return;
      }
      for (let i = Math.max(0, since - first + 1); i < end; i++) {
        const record = records[i]!;
        if (record.seq > until) return;
        if (matchesFilter(record, filter)) yield record;
      }
    };
  }

  /**
   * Moves the oldest records to the spill file, down to the cap less a tenth. Written in bounded
   * batches, each counted only once it is fully written; what fails stays in memory, counted
   * nowhere else, and the spill is tried again one chunk of appends later.
   */
  private spillOldest(): void {
    if (this.closed) return;
    const chunk = Math.max(1, Math.ceil(this.cap / 10));
    const target = this.records.length - this.cap + chunk - 1;
    let moved = 0;
    let lines: string[] = [];
    let chars = 0;
    const flush = (): void => {
      this.spill.append(lines.join('\n') + '\n', this.records[moved]!.seq, lines.length);
      moved += lines.length;
      lines = [];
      chars = 0;
    };
    try {
      for (let i = 0; i < target; i++) {
        const line = serializeRecord(this.records[i]);
        lines.push(line);
        chars += line.length + 1;
        if (chars >= SPILL_BATCH_CHARS) flush();
      }
      if (lines.length) flush();
      this.spillFailure = null;
      this.retrySpillAt = 0;
    } catch (error) {
      const first = this.spillFailure === null;
      this.spillFailure = `writing ${this.spillFile} failed: ${(error as Error).message}; records above the cap stay in memory and the write is retried`;
      this.retrySpillAt = this.records.length - moved + chunk;
      if (first) console.error(`journal: ${this.spillFailure}`);
    }
    if (moved === 0) return;
    this.records = this.records.slice(moved);
    const firstKept = this.firstSeqInMemory();
    for (const index of [this.byUser, this.byPath]) {
      for (const [key, seqs] of index) {
        const keep = firstIndexAbove(seqs, firstKept - 1);
        if (keep === seqs.length) index.delete(key);
        else if (keep > 0) index.set(key, seqs.slice(keep));
      }
    }
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

export class MarkExistsError extends Error {
  constructor(readonly label: string) {
    super(`mark "${label}" already exists; labels are unique until the next reset`);
  }
}

function pushIndex(index: Map<string, number[]>, key: string, seq: number): void {
  const seqs = index.get(key);
  if (seqs) seqs.push(seq);
  else index.set(key, [seq]);
}

/** Index of the first element greater than `value` in an ascending array. */
function firstIndexAbove(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
