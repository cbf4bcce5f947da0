/**
 * `npm run bench:mock`: what verifying and journaling every request costs. Loads, on loopback
 * only and for a bounded time, (i) a bare node:http server, (ii) the mock's express stack with
 * verification and journaling off, (iii) the mock as shipped; prints requests/s, p99 latency and
 * the ratio (iii)/(ii). Then measures journal memory per record on the real server and the time
 * of a by-user query over 1,000,000 in-memory records. `--json` prints one JSON object.
 *
 * `--rss` measures instead whether memory stays flat: 1,000,000 loopback pings (`--rss-requests`),
 * each from a first-time visitor (a new lead and a new session), against the mock with its default
 * caps, printing RSS every fifth of the way; then one unpaged GET /__admin/requests and one NDJSON
 * export of the whole journal, streamed and counted. Bounded by count, and by a time limit on top.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Command, InvalidArgumentError } from 'commander';
import { MockAdminClient } from '../harness/admin-client.ts';
import { DEFAULT_JOURNAL_CAP } from '../mock-server/constants.ts';
import { Journal } from '../mock-server/journal/journal.ts';
import type { JournalRecord } from '../mock-server/types.ts';

const positive = (value: string): number => {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return parsed;
};

const options = new Command()
  .name('npm run bench:mock --')
  .option('--duration <seconds>', 'measured seconds per target (after 1 s of warm-up)', positive, 5)
  .option('--connections <n>', 'concurrent connections', positive, 16)
  .option('--records <n>', 'records in the query benchmark', positive, 1_000_000)
  .option('--json', 'print the figures as one JSON object')
  .option('--rss', 'instead: RSS over a million first-time visitors, then the whole journal read unpaged')
  .option('--rss-requests <n>', 'requests of the --rss run, reported in five steps', positive, 1_000_000)
  .option('--rss-time-limit <seconds>', 'the --rss run gives up after this long', positive, 3600)
  .parse()
  .opts<{ duration: number; connections: number; records: number; json?: boolean; rss?: boolean; rssRequests: number; rssTimeLimit: number }>();

const log = (line: string): void => {
  if (!options.json) console.log(line);
};

interface Target {
  child: ChildProcess;
  url: string;
}

async function start(mode: 'bare' | 'express' | 'full', journalCap = 10_000_000): Promise<Target> {
  const child = fork(join(import.meta.dirname, 'serve.ts'), [mode, String(journalCap)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ ready: string }];
  return { child, url: message.ready };
}

async function stop(target: Target): Promise<void> {
  target.child.kill('SIGTERM');
  if (target.child.exitCode === null) await once(target.child, 'exit');
}

async function pingBody(url: string): Promise<string> {
  const admin = new MockAdminClient(url);
  const { token } = await admin.token('alice', { ttl_s: 3600 });
  const userData = JSON.stringify({ user_id: 'alice', intercom_user_jwt: token });
  const first = await fetch(`${url}/messenger/web/ping`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ app_id: 'mockapp1', v: '3', user_data: userData, device_identifier: 'bench-device' }),
  });
  const { anonymous_session } = (await first.json()) as { anonymous_session: string };
  return new URLSearchParams({ app_id: 'mockapp1', v: '3', user_data: userData, anonymous_session, device_identifier: 'bench-device' }).toString();
}

interface Load {
  rps: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, body: string, seconds: number): Promise<Load> {
  const result = await autocannon({
    url: `${url}/messenger/web/ping`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    connections: options.connections,
    duration: seconds,
    // A hard bound on top of the time bound: the run stops by itself either way.
    maxOverallRequests: Math.round(seconds * 100_000),
  });
  return { rps: result.requests.average, p99_ms: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}

async function measure(mode: 'bare' | 'express' | 'full'): Promise<{ load: Load; target: Target }> {
  const target = await start(mode);
  const body = mode === 'bare' ? 'app_id=mockapp1' : await pingBody(target.url);
  await load(target.url, body, 1);
  const measured = await load(target.url, body, options.duration);
  log(`${mode.padEnd(8)} ${measured.rps.toFixed(0).padStart(7)} req/s   p99 ${String(measured.p99_ms).padStart(3)} ms   (${measured.requests} requests, ${measured.non2xx} non-2xx, ${measured.errors} errors)`);
  return { load: measured, target };
}

interface MemoryFigures {
  heapUsed: number;
  /** Heap V8 has committed: what RSS follows, above heapUsed when the collector keeps room to spare. */
  heapTotal: number;
  external: number;
  rss: number;
  records: number;
  inMemory: number;
  spilled: number;
  cap: number;
  spillFile: string;
  sessions: { held: number; cap: number; evicted: number };
  leads: { held: number; cap: number; evicted: number };
}

async function memoryProbe(target: Target): Promise<MemoryFigures> {
  target.child.send('memory');
  const [message] = (await once(target.child, 'message')) as [{ memory: MemoryFigures }];
  return message.memory;
}

/** Reads a streamed answer to the end without holding it: its status, size, records and time. */
async function drain(url: string, recordStart: string): Promise<{ status: number; bytes: number; records: number; seconds: number }> {
  const started = performance.now();
  const response = await fetch(url);
  let bytes = 0;
  let records = 0;
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) {
    bytes += chunk.byteLength;
    const text = tail + decoder.decode(chunk, { stream: true });
    for (let at = text.indexOf(recordStart); at >= 0; at = text.indexOf(recordStart, at + 1)) records++;
    tail = recordStart.length > 1 ? text.slice(-(recordStart.length - 1)) : '';
    // A marker split across chunks is counted once: the kept tail is too short to hold it whole.
  }
  return { status: response.status, bytes, records, seconds: (performance.now() - started) / 1000 };
}

const MB = 1024 * 1024;

async function rssRun(): Promise<void> {
  const target = await start('full', DEFAULT_JOURNAL_CAP);
  const deadline = setTimeout(() => {
    console.error(`bench: the --rss run passed its ${options.rssTimeLimit} s limit; stopping`);
    void stop(target).finally(() => process.exit(1));
  }, options.rssTimeLimit * 1000);
  deadline.unref();
  try {
    const step = Math.round(options.rssRequests / 5);
    const before = await memoryProbe(target);
    log(`RSS over ${options.rssRequests} pings from first-time visitors (a new lead and session each), ${options.connections} connections, journal cap ${before.cap}`);
    log(`${'requests'.padStart(9)}  ${'RSS MB'.padStart(7)}  ${'heap MB'.padStart(7)}  ${'commit'.padStart(7)}  ${'ext MB'.padStart(6)}  ${'in memory'.padStart(9)}  ${'spilled'.padStart(8)}  ${'sessions'.padStart(8)}  ${'leads'.padStart(7)}`);
    const row = (memory: MemoryFigures): void =>
      log(`${String(memory.records).padStart(9)}  ${(memory.rss / MB).toFixed(0).padStart(7)}  ${(memory.heapUsed / MB).toFixed(0).padStart(7)}  ${(memory.heapTotal / MB).toFixed(0).padStart(7)}  ${(memory.external / MB).toFixed(0).padStart(6)}  ${String(memory.inMemory).padStart(9)}  ${String(memory.spilled).padStart(8)}  ${String(memory.sessions.held).padStart(8)}  ${String(memory.leads.held).padStart(7)}`);
    row(before);
    const rows: MemoryFigures[] = [];
    let failed = 0;
    for (let done = 0; done < options.rssRequests; done += step) {
      const result = await autocannon({
        url: `${target.url}/messenger/web/ping`,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'app_id=mockapp1&v=3&device_identifier=bench-rss',
        connections: options.connections,
        amount: Math.min(step, options.rssRequests - done),
      });
      failed += result.non2xx + result.errors;
      const memory = await memoryProbe(target);
      rows.push(memory);
      row(memory);
    }
    const requests = await drain(`${target.url}/__admin/requests`, '{"seq":');
    log(`unpaged GET /__admin/requests: HTTP ${requests.status}, ${requests.records} records, ${(requests.bytes / MB).toFixed(0)} MB in ${requests.seconds.toFixed(1)} s`);
    const exported = await drain(`${target.url}/__admin/requests/export?format=ndjson`, '\n');
    log(`NDJSON export: HTTP ${exported.status}, ${exported.records} lines, ${(exported.bytes / MB).toFixed(0)} MB in ${exported.seconds.toFixed(1)} s`);
    log(`${failed} requests failed or answered non-2xx`);
    if (options.json) {
      console.log(JSON.stringify({
        rss_mb: rows.map((memory) => ({
          requests: memory.records,
          rss: Math.round(memory.rss / MB),
          heap_used: Math.round(memory.heapUsed / MB),
          heap_total: Math.round(memory.heapTotal / MB),
          external: Math.round(memory.external / MB),
        })),
        sessions: rows.at(-1)?.sessions,
        leads: rows.at(-1)?.leads,
        requests_unpaged: requests,
        export_ndjson: exported,
        failed,
      }));
    }
  } finally {
    await stop(target);
    clearTimeout(deadline);
  }
}

if (options.rss) {
  await rssRun();
  process.exit(0);
}

/** Median time of a by-user query over `count` records spread across 1,000 users. */
async function queryBenchmark(template: JournalRecord, count: number): Promise<{ query_ms: number; matches: number }> {
  const spill = join(tmpdir(), `bench-query-${process.pid}.ndjson`);
  const journal = new Journal(count + 1, spill);
  const users = 1000;
  for (let i = 0; i < count; i++) {
    const user = `user-${i % users}`;
    const { seq: _seq, ...rest } = template;
    journal.append({
      ...rest,
      identity: { kind: 'user', user_id: user, via: 'jwt' },
      user_data: { user_id: user },
      jwt: template.jwt ? { ...template.jwt, claims: { ...template.jwt.claims, user_id: user } } : null,
      served: { user_ids: [user] },
    });
  }
  const timings: number[] = [];
  let matches = 0;
  for (let run = 0; run < 15; run++) {
    const started = performance.now();
    matches = journal.queryInMemory({ user_id: `user-${(run * 37) % users}`, since: 0 }).length;
    timings.push(performance.now() - started);
  }
  rmSync(spill, { force: true });
  timings.sort((a, b) => a - b);
  return { query_ms: timings[Math.floor(timings.length / 2)]!, matches };
}

log(`loopback load: ${options.connections} connections, ${options.duration} s per target after 1 s warm-up`);
const bare = await measure('bare');
await stop(bare.target);
const bareStack = await measure('express');
await stop(bareStack.target);
const full = await measure('full');

const admin = new MockAdminClient(full.target.url);
const [template] = await admin.requests({ limit: 1, since: 1 });
await admin.requests({ limit: 1 });
const memory = await memoryProbe(full.target);
await admin.reset();
const empty = await memoryProbe(full.target);
await stop(full.target);
const bytesPerRecord = (memory.heapUsed - empty.heapUsed) / memory.records;
const ratio = full.load.rps / bareStack.load.rps;

log(`ratio (iii)/(ii) = ${ratio.toFixed(3)}   (goal ≥ 0.8)`);
log(`journal: ${memory.records} records held, ${bytesPerRecord.toFixed(0)} bytes each (heap before/after reset, after gc); cap ${memory.cap} in memory, then spilled to ${memory.spillFile}`);

const query = await queryBenchmark(template!, options.records);
log(`query by user over ${options.records} records: ${query.query_ms.toFixed(2)} ms median (${query.matches} matches; goal < 10 ms)`);

if (options.json) {
  console.log(JSON.stringify({
    ratio: Number(ratio.toFixed(4)),
    query_ms_1m: Number(query.query_ms.toFixed(3)),
    bytes_per_record: Math.round(bytesPerRecord),
    rps: { bare: Math.round(bare.load.rps), express: Math.round(bareStack.load.rps), full: Math.round(full.load.rps) },
    p99_ms: { bare: bare.load.p99_ms, express: bareStack.load.p99_ms, full: full.load.p99_ms },
    journal: { records: memory.records, cap: memory.cap, spill_file: memory.spillFile },
    query_records: options.records,
    duration_s: options.duration,
    connections: options.connections,
  }));
}
