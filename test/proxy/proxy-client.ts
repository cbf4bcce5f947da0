/**
 * A device's view of the recording proxy, by hand so a test controls every step: CONNECT, then
 * TLS (trusting the CA it is given, naming the host in SNI), then one HTTP/1.1 request.
 */
import { request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface ProxiedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Opens a CONNECT tunnel through the proxy to `host:port`. */
export function openTunnel(proxyUrl: string, host: string, port = 443): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const connect = httpRequest(proxyUrl, { method: 'CONNECT', path: `${host}:${port}`, headers: { host: `${host}:${port}` } });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) reject(new Error(`CONNECT ${host}:${port} answered ${response.statusCode}`));
      else resolve(socket);
    });
    connect.once('error', reject);
    connect.end();
  });
}

/** TLS over a tunnel, trusting only `ca`. */
export function startTls(socket: Socket, host: string, ca: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tls = tlsConnect({ socket, servername: host, ca, ALPNProtocols: ['http/1.1'] }, () => resolve(tls));
    tls.once('error', reject);
  });
}

/** One HTTPS request to `https://<host><path>` through the proxy, as a device trusting `ca` sends it. */
export async function httpsViaProxy(proxyUrl: string, ca: string, host: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<ProxiedResponse> {
  const tls = await startTls(await openTunnel(proxyUrl, host), host, ca);
  return new Promise((resolve, reject) => {
    const body = init.body ?? '';
    const request = httpRequest({
      createConnection: () => tls,
      host,
      path,
      method: init.method ?? 'GET',
      headers: { host, 'content-length': String(Buffer.byteLength(body)), ...init.headers },
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        tls.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.once('error', reject);
    });
    request.once('error', reject);
    request.end(body);
  });
}

/** One plain-HTTP request through the proxy (absolute-form request line, as a proxy client sends it). */
export function httpViaProxy(proxyUrl: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<ProxiedResponse> {
  const proxy = new URL(proxyUrl);
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const body = init.body ?? '';
    const request = httpRequest({ host: proxy.hostname, port: proxy.port, path: target.href, method: init.method ?? 'GET', headers: { host: target.host, 'content-length': String(Buffer.byteLength(body)), ...init.headers }, agent: false });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.once('error', reject);
    });
    request.once('error', reject);
    request.end(body);
  });
}
