import { closeSync, mkdirSync, openSync, read, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { promisify } from 'node:util';
import type { JournalRecord } from '../types.ts';

/** Where a spilled chunk starts, so a read from a seq seeks instead of scanning the file. */
interface Chunk {
  firstSeq: number;
  offset: number;
}

/** A read-only view of the spill as it was when leased; later appends and a reset do not touch it. */
export interface SpillLease {
  /** Spilled records with seq above `since`, ascending. */
  records(since: number): AsyncGenerator<JournalRecord>;
  /** Must be called once the view is no longer read; the last release of a retired file closes it. */
  release(): void;
}

const readAt = promisify(read);
const open = new Set<SpillFile>();
let exitHookInstalled = false;

/**
 * One generation of the journal's NDJSON spill file (a reset starts a new one). Chunks are written
 * at the committed length with positional writes, so a write that fails half-way leaves nothing
 * counted and the retry overwrites it: a record is in the file once, or still in memory. Readers
 * lease the committed length and share the descriptor, so they keep reading a consistent view
 * even after a reset unlinked the file; the descriptor closes once the last of them is done.
 */
export class SpillFile {
  private fd: number | null = null;
  private committedBytes = 0;
  private committedRecords = 0;
  private readonly chunks: Chunk[] = [];
  private readers = 0;
  private retired = false;

  constructor(
    readonly path: string,
    private readonly keepOnClose: boolean,
  ) {}

  get records(): number {
    return this.committedRecords;
  }

  get bytes(): number {
    return this.committedBytes;
  }

  /** Appends `count` serialized records (`text`, newline-terminated) whose first seq is `firstSeq`; throws leaving nothing committed. */
  append(text: string, firstSeq: number, count: number): void {
    if (this.retired) throw new Error(`spill file ${this.path} is already closed`);
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'w+');
      trackForExit(this);
    }
    const buffer = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.fd, buffer, written, buffer.length - written, this.committedBytes + written);
    this.chunks.push({ firstSeq, offset: this.committedBytes });
    this.committedBytes += buffer.length;
    this.committedRecords += count;
  }

  lease(): SpillLease | null {
    if (this.fd === null || this.committedRecords === 0) return null;
    const fd = this.fd;
    const end = this.committedBytes;
    const chunkCount = this.chunks.length;
    const chunks = this.chunks;
    const path = this.path;
    let released = false;
    this.readers++;
    return {
      records: async function* (since: number) {
        const start = chunks[lastChunkAtOrBelow(chunks, chunkCount, since + 1)]?.offset ?? 0;
        for await (const line of readLines(fd, start, end)) {
          let record: JournalRecord;
          try {
            record = JSON.parse(line) as JournalRecord;
          } catch (error) {
            throw new Error(`spill file ${path} holds a line that is not JSON (${(error as Error).message}); was it edited while the mock ran?`);
          }
          if (record.seq > since) yield record;
        }
      },
      release: () => {
        if (released) return;
        released = true;
        this.readers--;
        if (this.retired && this.readers === 0) this.closeDescriptor();
      },
    };
  }

  /** Stops this generation: removes the file (unless it is kept) and closes it once no reader needs it. */
  retire(remove: boolean): void {
    if (this.retired) return;
    this.retired = true;
    open.delete(this);
    if (remove && this.fd !== null) rmSync(this.path, { force: true });
    if (this.readers === 0) this.closeDescriptor();
  }

  /** `close()` of the server: removes the file unless the mock was told to keep it. */
  close(): void {
    this.retire(!this.keepOnClose);
  }

  removeAtExit(): void {
    if (!this.keepOnClose && this.fd !== null) rmSync(this.path, { force: true });
  }

  private closeDescriptor(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** A process that exits without closing its mock (an uncaught error, `process.exit`) still removes its spill files. */
function trackForExit(file: SpillFile): void {
  open.add(file);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const spill of open) {
      try {
        spill.removeAtExit();
      } catch {
        // Exiting anyway; nothing useful to do with a failed unlink here.
      }
    }
  });
}

/**
 * Lines of the byte range [start, end) by positional reads on a shared descriptor. No stream:
 * destroying a ReadStream closes its descriptor even with `autoClose: false`, and this one is shared.
 */
async function* readLines(fd: number, start: number, end: number): AsyncGenerator<string> {
  const buffer = Buffer.allocUnsafe(1 << 20);
  const decoder = new StringDecoder('utf8');
  let position = start;
  let carry = '';
  while (position < end) {
    const { bytesRead } = await readAt(fd, buffer, 0, Math.min(buffer.length, end - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const lines = (carry + decoder.write(buffer.subarray(0, bytesRead))).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) if (line) yield line;
  }
  carry += decoder.end();
  if (carry) yield carry;
}

/** Index of the last chunk whose first seq is at most `seq` (0 when none is). */
function lastChunkAtOrBelow(chunks: Chunk[], count: number, seq: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (chunks[mid]!.firstSeq <= seq) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}
