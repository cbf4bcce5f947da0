/**
 * One benchmark target in its own process, so the load generator does not share its core:
 *   bare     a node:http server that reads the body and answers a fixed ping
 *   express  the mock's express stack with JWT verification and journaling switched off
 *   full     the mock as shipped: every request verified and journaled
 * It reports its URL over IPC and, for `full`, answers memory probes (`gc` then heap and journal size).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockServer } from '../mock-server/index.ts';

type Mode = 'bare' | 'express' | 'full';
const mode = process.argv[2] as Mode;
const journalCap = Number(process.argv[3] ?? 200_000);
const send = (message: unknown): void => void process.send?.(message);

if (mode === 'bare') {
  const body = JSON.stringify({ type: 'ping', app_id: 'mockapp1', anonymous_session: null, user: { type: 'user', user_id: 'alice' }, unread_count: 0 });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => send({ ready: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
} else {
  const server = await createMockServer({
    port: 0,
    journalCap,
    spillFile: join(tmpdir(), `bench-spill-${process.pid}.ndjson`),
    instrumentation: mode === 'express' ? { verify: false, journal: false } : { verify: true, journal: true },
  });
  process.on('message', (message) => {
    if (message !== 'memory') return;
    globalThis.gc?.();
    const stats = server.state.journal.stats();
    const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
    send({
      memory: {
        heapUsed,
        heapTotal,
        external,
        rss,
        records: stats.total,
        inMemory: stats.inMemory,
        spilled: stats.spilled,
        cap: stats.cap,
        spillFile: stats.spillFile,
        sessions: server.state.sessions.stats(),
        leads: server.state.workspace.leadStats(),
      },
    });
  });
  // Closing removes the spill file (a million records is ~700 MB of it).
  const shutDown = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', shutDown);
  // The bench went away without stopping this target: do not outlive it.
  process.once('disconnect', shutDown);
  send({ ready: server.url });
}
