import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from './constants.ts';
import { createMockState, type MockState } from './state.ts';
import type { MockServer, MockServerOptions } from './types.ts';

export interface RunningMockServer extends MockServer {
  /** In-process access for tests and benchmarks of this package; specs use the admin API. */
  readonly state: MockState;
}

/** Starts a mock on `options.port` (default 4010, 0 for a free port) and resolves once it listens. */
export async function createMockServer(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const host = options.host ?? DEFAULT_HOST;
  const requestedPort = options.port ?? DEFAULT_PORT;
  let url = '';
  const state = await createMockState(options, `reports/journal-spill-${requestedPort || 'auto'}-${process.pid}.ndjson`);
  const server: Server = createServer(createApp(state, options, () => url));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, requestedPort)));
    // Node's default backlog (511) drops the SYNs of a burst of parallel workers, which then wait
    // out TCP's retransmit timers; the kernel still caps this at net.core.somaxconn.
    server.listen({ port: requestedPort, host, backlog: 4096 }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    appId: state.policy.appId,
    state,
    close: async () => {
      server.closeAllConnections();
      try {
        await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      } finally {
        // Removes the spill file unless `keepSpillFile`; reads still streaming finish first.
        state.journal.close();
      }
    },
  };
}

/** Turns listen failures into sentences that say what to do. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): ListenError {
  if (error.code === 'EADDRINUSE') return new ListenError(`port ${port} is already in use on ${host}; stop what holds it or pass --port 0 to pick a free port`, error.code);
  if (error.code === 'EACCES') return new ListenError(`not allowed to listen on ${host}:${port}; choose a port above 1023`, error.code);
  if (error.code === 'EADDRNOTAVAIL') return new ListenError(`cannot bind ${host}: no such address on this machine`, error.code);
  return new ListenError(`cannot listen on ${host}:${port}: ${error.message}`, error.code);
}
