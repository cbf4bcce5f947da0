/** Local servers standing in for "the internet" behind the proxy: loopback only, each counting what reached it. */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generateCACertificate } from 'mockttp';

export interface StandIn {
  port: number;
  /** `METHOD path` of every request that reached it. */
  seen: string[];
  /** The PEM certificate it serves (HTTPS stand-ins only): what a client must trust to reach it untouched. */
  certPem?: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

const answerOk: Handler = (_req, body, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' }).end(`stand-in saw ${body.length} bytes`);
};

async function listen(server: Server, seen: string[], certPem?: string): Promise<StandIn> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    ...(certPem ? { certPem } : {}),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function counting(seen: string[], handler: Handler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      handler(req, Buffer.concat(chunks), res);
    });
  };
}

export function startHttpStandIn(handler: Handler = answerOk): Promise<StandIn> {
  const seen: string[] = [];
  return listen(createHttpServer(counting(seen, handler)), seen);
}

/** An HTTPS server for `localhost` with its own self-signed certificate (not the run's CA). */
export async function startHttpsStandIn(): Promise<StandIn> {
  const seen: string[] = [];
  const { cert, key } = await generateCACertificate({ subject: { commonName: 'localhost' } });
  return listen(createHttpsServer({ cert, key }, counting(seen, answerOk)), seen, cert);
}
