import type { Request } from 'express';
import type { ProxyDelivery } from '../types.ts';

/** Header a sender or forwarder stamps with its send-order counter (the browser routing, the simulated device). */
export const SENT_HEADER = 'x-conformance-sent';
/** Header the browser routing and the recording proxy stamp with the host the client addressed (api-iam.intercom.io, say). */
export const HOST_HEADER = 'x-conformance-host';

/** Headers the recording proxy stamps on every request it forwards: when it received it, and over what TLS. */
export const PROXY_HEADERS = {
  /** When the proxy had the request, ISO 8601 (the machine's clock, not the mock's shifted one). */
  receivedAt: 'x-conformance-proxy-received-at',
  /** The TLS version the client negotiated with the proxy (`TLSv1.3`); absent over plain HTTP. */
  tlsVersion: 'x-conformance-tls-version',
  /** The server name the client asked for in its TLS hello. */
  tlsSni: 'x-conformance-tls-sni',
  /** The negotiated cipher suite's OpenSSL name. */
  tlsCipher: 'x-conformance-tls-cipher',
} as const;

export interface Delivery {
  /** Send-order position, when the sender stamped one: orders requests by when they were sent, not received. */
  sent: number | null;
  /** The host the client addressed: the routing's stamp, else the Host header. */
  host: string | null;
  /** Set only when the recording proxy forwarded the request. */
  via?: ProxyDelivery;
}

/** How a request reached the mock: who sent it when, to which host, and through the proxy or not. A malformed stamp counts as none. */
export function deliveryOf(req: Request): Delivery {
  const stamp = req.get(SENT_HEADER);
  const sent = stamp !== undefined && /^\d{1,15}$/.test(stamp) ? Number(stamp) : null;
  const delivery: Delivery = { sent, host: req.get(HOST_HEADER) ?? req.get('host') ?? null };
  const via = proxyDeliveryOf(req);
  if (via) delivery.via = via;
  return delivery;
}

/** Longest stamp value kept: a TLS version, a host name or a cipher name is far shorter. */
const MAX_STAMP_CHARS = 256;

/**
 * The recording proxy's stamps, when it forwarded the request (its received-at stamp says so).
 * A stamp that is not what the proxy writes (an unreadable time, an overlong value) is kept as
 * null rather than trusted.
 */
function proxyDeliveryOf(req: Request): ProxyDelivery | null {
  const receivedAt = req.get(PROXY_HEADERS.receivedAt);
  if (receivedAt === undefined) return null;
  const time = Date.parse(receivedAt);
  const stamp = (name: string): string | null => {
    const value = req.get(name);
    return value !== undefined && value !== '' && value.length <= MAX_STAMP_CHARS ? value : null;
  };
  const version = stamp(PROXY_HEADERS.tlsVersion);
  return {
    kind: 'proxy',
    received_at: Number.isNaN(time) ? null : new Date(time).toISOString(),
    tls: version === null ? null : { version, sni: stamp(PROXY_HEADERS.tlsSni), cipher: stamp(PROXY_HEADERS.tlsCipher) },
  };
}

/** Whether the browser routing forwarded this request from one of Intercom's hosts. */
export function addressedToIntercom(req: Request): boolean {
  return req.get(HOST_HEADER) !== undefined;
}
