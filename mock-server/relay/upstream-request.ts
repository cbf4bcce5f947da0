import type { Request } from 'express';
import { HOST_HEADER } from '../messenger/delivery.ts';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what the fetch recomputes: never forwarded either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

/**
 * Intercom's hosts, the only ones live mode sends to without a stand-in: the messenger APIs
 * (api-iam.*.intercom.io, <app>-android.mobile-messenger.intercom.com), the widget and its assets.
 */
const INTERCOM_DOMAINS = ['.intercom.io', '.intercom.com', '.intercomcdn.com', '.intercomassets.com'];

export interface UpstreamAnswer {
  /** Where the request went: origin and path, without the query (it may carry identifiers). */
  target: string;
  status: number;
  headers: [string, string][];
  setCookies: string[];
  body: Buffer;
  contentType: string | null;
  durationMs: number;
}

/** The upstream could not be asked or did not answer: 502 (refused, unreachable, not Intercom's) or 504 (too slow). */
export class UpstreamFailure extends Error {
  constructor(
    readonly status: 502 | 504,
    readonly target: string,
    message: string,
    readonly durationMs: number,
  ) {
    super(message);
  }
}

/** Where a request addressed to Intercom goes: the stand-in, else https on the host it was addressed to. */
export function upstreamUrlOf(req: Request, upstream: string | undefined): URL {
  if (upstream) return new URL(upstream + req.originalUrl);
  const host = req.get(HOST_HEADER);
  if (!host) throw new Error(`live mode cannot tell which Intercom host ${req.method} ${req.path} was for: it carried no ${HOST_HEADER} (send it through the browser routing or the recording proxy, or give --live-upstream)`);
  const name = host.replace(/:\d+$/, '').toLowerCase();
  if (!INTERCOM_DOMAINS.some((domain) => name.endsWith(domain))) throw new Error(`live mode relays only to Intercom's hosts; ${host} is not one (${INTERCOM_DOMAINS.map((domain) => `*${domain}`).join(', ')})`);
  return new URL(`https://${host}${req.originalUrl}`);
}

/**
 * Sends the request on as the client sent it (method, path, query, body, headers) minus hop-by-hop
 * headers and this project's own (`x-conformance-*`, `x-mock-*`). `accept-encoding` is dropped too:
 * provenance reads the body, so it comes back plain.
 */
export async function askUpstream(req: Request, upstream: string | undefined, timeoutMs: number): Promise<UpstreamAnswer> {
  const started = performance.now();
  let url: URL;
  try {
    url = upstreamUrlOf(req, upstream);
  } catch (error) {
    throw new UpstreamFailure(502, '(none)', (error as Error).message, 0);
  }
  const target = `${url.origin}${url.pathname}`;
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!values || !forwardedUp(name)) continue;
    for (const value of values) headers.append(name, value);
  }
  const body = req.method === 'GET' || req.method === 'HEAD' || !Buffer.isBuffer(req.body) || req.body.length === 0 ? undefined : new Uint8Array(req.body as Buffer);
  let response: Response;
  let bytes: Buffer;
  try {
    response = await fetch(url, { method: req.method, headers, ...(body ? { body } : {}), redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const durationMs = performance.now() - started;
    const timedOut = (error as Error).name === 'TimeoutError';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = timedOut ? `no answer within ${timeoutMs} ms` : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new UpstreamFailure(timedOut ? 504 : 502, target, `upstream ${target} failed: ${why}`, durationMs);
  }
  const back: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (forwardedDown(name)) back.push([name, value]);
  });
  return { target, status: response.status, headers: back, setCookies: response.headers.getSetCookie(), body: bytes, contentType: response.headers.get('content-type'), durationMs: performance.now() - started };
}

function forwardedUp(name: string): boolean {
  return !HOP_BY_HOP.has(name) && name !== 'accept-encoding' && !name.startsWith('x-conformance-') && !name.startsWith('x-mock-');
}

/** The relay's own CORS and journal headers stand; the body arrives decoded, so its encoding and length are the relay's to set. */
function forwardedDown(name: string): boolean {
  return !HOP_BY_HOP.has(name) && name !== 'set-cookie' && name !== 'content-encoding' && !name.startsWith('access-control-') && name !== 'vary' && !name.startsWith('x-mock-');
}
