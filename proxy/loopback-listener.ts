import type { Server, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Mockttp } from 'mockttp';

/**
 * mockttp has no bind address (it listens on every interface, httptoolkit/mockttp#182) and does
 * not hand a rule the TLS parameters a client negotiated. Both need its listening server, a
 * private field: this module is the one place that reaches it, and says so loudly if a mockttp
 * upgrade moves it (the version is pinned in package.json).
 */
export function listeningServerOf(proxy: Mockttp): Server {
  const server = (proxy as unknown as { server?: unknown }).server;
  if (!server || typeof (server as Server).listen !== 'function' || typeof (server as Server).address !== 'function') {
    throw new Error('mockttp no longer keeps its listening server in `server`: the recording proxy cannot bind 127.0.0.1 only. Pin mockttp to the version in package.json or adapt proxy/loopback-listener.ts.');
  }
  return server as Server;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LISTEN_BACKLOG = 4096;

/**
 * Moves mockttp's server onto 127.0.0.1:`port`: first drops any connection from elsewhere that
 * arrives while it still listens on every interface, then closes that listener and listens
 * again on loopback only. Resolves to the port it listens on.
 */
export async function rebindToLoopback(server: Server, port: number): Promise<number> {
  server.prependListener('connection', (socket: Socket) => {
    if (socket.remoteAddress !== undefined && !LOOPBACK.has(socket.remoteAddress)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(new Error(`the recording proxy cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}; pass another port, or 0 for a free one`));
    server.once('error', failed);
    server.listen({ port, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the recording proxy listens, but not on a TCP port');
  return address.port;
}

/** What a client negotiated with the proxy over TLS. */
export interface TlsFacts {
  version: string | null;
  sni: string | null;
  cipher: string | null;
}

/**
 * The TLS facts of every live intercepted connection, by the client's address and port (a
 * CONNECT tunnel's TLS socket has its TCP socket's), forgotten when the connection closes.
 */
export function tlsFactsByClient(server: Server): (remoteAddress: string | undefined, remotePort: number | undefined) => TlsFacts | null {
  const facts = new Map<string, TlsFacts>();
  server.on('secureConnection', (socket: TLSSocket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    facts.set(key, {
      version: socket.getProtocol() ?? null,
      sni: typeof socket.servername === 'string' ? socket.servername : null,
      cipher: socket.getCipher()?.name ?? null,
    });
    socket.once('close', () => facts.delete(key));
  });
  return (remoteAddress, remotePort) => facts.get(`${remoteAddress}:${remotePort}`) ?? null;
}
