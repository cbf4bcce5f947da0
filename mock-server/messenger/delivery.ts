import type { Request } from 'express';

/** Header a sender or forwarder stamps with its send-order counter (the browser routing, the simulated device). */
export const SENT_HEADER = 'x-conformance-sent';
/** Header the browser routing stamps with the host the page addressed (api-iam.intercom.io, say). */
export const HOST_HEADER = 'x-conformance-host';

export interface Delivery {
  /** Send-order position, when the sender stamped one: orders requests by when they were sent, not received. */
  sent: number | null;
  /** The host the client addressed: the routing's stamp, else the Host header. */
  host: string | null;
}

/** How a request reached the mock: who sent it when, and to which host. A malformed stamp counts as none. */
export function deliveryOf(req: Request): Delivery {
  const stamp = req.get(SENT_HEADER);
  const sent = stamp !== undefined && /^\d{1,15}$/.test(stamp) ? Number(stamp) : null;
  return { sent, host: req.get(HOST_HEADER) ?? req.get('host') ?? null };
}

/** Whether the browser routing forwarded this request from one of Intercom's hosts. */
export function addressedToIntercom(req: Request): boolean {
  return req.get(HOST_HEADER) !== undefined;
}
