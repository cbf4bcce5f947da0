import { appendFileSync, createReadStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { JournalRecord, RecordFilter } from '../types.ts';
import { matchesFilter, userTraces } from './record-filter.ts';
import { StringPool } from './string-pool.ts';

export interface Mark {
  label: string;
  seq: number;
  time: string;
}

export interface JournalStats {
  /** Records ever appended since the last reset. */
  total: number;
  inMemory: number;
  spilled: number;
  cap: number;
  spillFile: string;
  firstSeqInMemory: number;
}

export interface WaitResult {
  satisfied: boolean;
  requests: JournalRecord[];
}

interface Waiter {
  filter: RecordFilter;
  count: number;
  matches: JournalRecord[];
  finish: (satisfied: boolean) => void;
  /** False until the history before registration has been merged in. */
  ready: () => boolean;
}

/**
 * Every messenger request, in arrival order. `seq` is assigned synchronously on append, so it
 * strictly increases with no gaps however many requests are in flight. The newest `cap` records
 * stay in memory behind per-user and per-path indexes; older ones are appended to an NDJSON spill
 * file, and queries that reach back past memory read it, so nothing recorded is lost.
 */
export class Journal {
  private records: JournalRecord[] = [];
  private byUser = new Map<string, number[]>();
  private byPath = new Map<string, number[]>();
  private marks = new Map<string, Mark>();
  private waiters = new Set<Waiter>();
  private lastSeq = 0;
  private spilledCount = 0;
  private readonly strings = new StringPool();

  constructor(
    private readonly cap: number,
    private readonly spillFile: string,
  ) {
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`journal cap must be a positive integer, got ${cap}`);
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
    if (this.records.length > this.cap) this.spillOldest();
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

  stats(): JournalStats {
    return {
      total: this.lastSeq,
      inMemory: this.records.length,
      spilled: this.spilledCount,
      cap: this.cap,
      spillFile: this.spillFile,
      firstSeqInMemory: this.firstSeqInMemory(),
    };
  }

  /** Records matching `filter`, ascending by seq, from memory only. */
  queryInMemory(filter: RecordFilter): JournalRecord[] {
    const since = filter.since ?? 0;
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const until = filter.until ?? Number.POSITIVE_INFINITY;
    const result: JournalRecord[] = [];
    const first = this.firstSeqInMemory();
    const candidates = filter.user_id !== undefined
      ? this.byUser.get(filter.user_id) ?? []
      : filter.path !== undefined && !filter.path.endsWith('*')
        ? this.byPath.get(filter.path) ?? []
        : null;
    if (candidates) {
      for (let i = firstIndexAbove(candidates, Math.max(since, first - 1)); i < candidates.length && result.length < limit; i++) {
        if (candidates[i]! > until) break;
        const record = this.records[candidates[i]! - first]!;
        if (matchesFilter(record, filter)) result.push(record);
      }
      return result;
    }
    for (let i = Math.max(0, since - first + 1); i < this.records.length && result.length < limit; i++) {
      const record = this.records[i]!;
      if (record.seq > until) break;
      if (matchesFilter(record, filter)) result.push(record);
    }
    return result;
  }

  /** Records matching `filter`, reading the spill file first when the range reaches into it. */
  async query(filter: RecordFilter): Promise<JournalRecord[]> {
    const since = filter.since ?? 0;
    if (this.spilledCount === 0 || since >= this.firstSeqInMemory() - 1) return this.queryInMemory(filter);
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const fromSpill: JournalRecord[] = [];
    for await (const record of this.readSpill()) {
      if (fromSpill.length >= limit) break;
      if (record.seq > since && matchesFilter(record, filter)) fromSpill.push(record);
    }
    if (fromSpill.length >= limit) return fromSpill;
    return fromSpill.concat(this.queryInMemory({ ...filter, limit: limit - fromSpill.length }));
  }

  /** Everything recorded, spilled records first: what an export must contain. */
  async *all(): AsyncGenerator<JournalRecord> {
    yield* this.readSpill();
    yield* this.records;
  }

  /**
   * Resolves once `count` records match, with every match so far; or, when `timeoutMs` passes
   * or `signal` aborts first, with what matched until then and `satisfied: false`. The waiter is
   * registered before the history is read, so a record appended meanwhile cannot slip between.
   */
  wait(filter: RecordFilter, count: number, timeoutMs: number, signal?: AbortSignal): Promise<WaitResult> {
    return new Promise((resolve) => {
      const snapshotSeq = this.lastSeq;
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
      this.query({ ...filter, until: snapshotSeq }).then(
        (history) => {
          waiter.matches = history.concat(waiter.matches);
          historyRead = true;
          if (waiter.matches.length >= count) waiter.finish(true);
        },
        () => waiter.finish(false),
      );
    });
  }

  addMark(label: string, time: string): Mark {
    if (this.marks.has(label)) throw new MarkExistsError(label);
    const mark = { label, seq: this.lastSeq, time };
    this.marks.set(label, mark);
    return mark;
  }

  getMark(label: string): Mark | undefined {
    return this.marks.get(label);
  }

  listMarks(): Mark[] {
    return [...this.marks.values()];
  }

  /** Empties the journal: records, spill file, marks; seq restarts at 1. Pending waits end unsatisfied. */
  reset(): void {
    for (const waiter of [...this.waiters]) waiter.finish(false);
    this.records = [];
    this.byUser = new Map();
    this.byPath = new Map();
    this.marks = new Map();
    this.lastSeq = 0;
    this.spilledCount = 0;
    rmSync(this.spillFile, { force: true });
  }

  private firstSeqInMemory(): number {
    return this.records[0]?.seq ?? this.lastSeq + 1;
  }

  /** Moves the oldest tenth of the cap to the spill file in one synchronous append. */
  private spillOldest(): void {
    const chunk = Math.max(1, Math.ceil(this.cap / 10));
    const spilled = this.records.splice(0, Math.min(chunk, this.records.length));
    mkdirSync(dirname(this.spillFile), { recursive: true });
    appendFileSync(this.spillFile, spilled.map((record) => JSON.stringify(record)).join('\n') + '\n');
    this.spilledCount += spilled.length;
    const first = this.firstSeqInMemory();
    for (const index of [this.byUser, this.byPath]) {
      for (const [key, seqs] of index) {
        const keep = firstIndexAbove(seqs, first - 1);
        if (keep === seqs.length) index.delete(key);
        else if (keep > 0) index.set(key, seqs.slice(keep));
      }
    }
  }

  private async *readSpill(): AsyncGenerator<JournalRecord> {
    if (this.spilledCount === 0 || !existsSync(this.spillFile)) return;
    const lines = createInterface({ input: createReadStream(this.spillFile, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as JournalRecord;
  }
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
