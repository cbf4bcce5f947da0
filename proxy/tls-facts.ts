import type { Server } from 'node:net';
import type { TLSSocket } from 'node:tls';

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
