import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { DEFAULT_HOST, DEFAULT_PORT, MAX_PARSED_HEADER_BYTES } from './constants.ts';
import { refuseUnparsedRequest } from './messenger/last-resort.ts';
import { restBaseOf } from './relay/live-options.ts';
import { withLiveMode } from './relay/live-mode.ts';
import { plantUsers, type PlantedUsers } from './relay/planting.ts';
import { createMockState, type MockState } from './state.ts';
import type { MockServer, MockServerOptions } from './types.ts';

export interface RunningMockServer extends MockServer {
  /** In-process access for tests and benchmarks of this package; specs use the admin API. */
  readonly state: MockState;
}

const LISTEN_BACKLOG = 4096;

/** Starts a mock on `options.port` (default 4010, 0 for a free port) and resolves once it listens. */
export async function createMockServer(given: MockServerOptions = {}): Promise<RunningMockServer> {
  const options = withLiveMode(given);
  const host = options.host ?? DEFAULT_HOST;
  const requestedPort = options.port ?? DEFAULT_PORT;
  let url = '';
  const state = await createMockState(options, `reports/journal-spill-${requestedPort || 'auto'}-${process.pid}.ndjson`);
  const server: Server = createServer({ maxHeaderSize: MAX_PARSED_HEADER_BYTES }, createApp(state, options, () => url));
  server.keepAliveTimeout = 5000;
  const refused = new WeakSet<object>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'HPE_HEADER_OVERFLOW' && !refused.has(socket)) {
      refused.add(socket);
      refuseUnparsedRequest(state, socket);
      return;
    }
    // Node's own answer when a listener is absent: a bare 400, or nothing once the socket is gone.
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable && error.code !== 'ECONNRESET') socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, requestedPort)));
    // Node's default accept backlog (511) overflows when a CI run opens thousands of connections
    // at once on a loaded machine, and the kernel then resets them: a request lost before the
    // mock could journal it. The kernel caps this at net.core.somaxconn.
    server.listen({ port: requestedPort, host, backlog: LISTEN_BACKLOG }, resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const { live } = options;
  let planted: PlantedUsers | null = null;
  if (live && live.plant !== false) {
    try {
      if (live.upstream === url) throw new Error(`live mode: the upstream ${live.upstream} is this mock itself; start the stand-in on another port`);
      planted = await plantUsers(state.workspace, restBaseOf(live), live.accessToken);
    } catch (error) {
      server.closeAllConnections();
      server.close();
      state.journal.close();
      throw error;
    }
  }
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
        // Live mode: what was planted goes, however the run went.
        await planted?.remove();
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
