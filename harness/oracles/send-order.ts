import type { JournalRecord } from '../../mock-server/types.ts';

/**
 * A point in the order requests were sent: a boundary (the page's shutdown, the SDK's logout) or
 * a token hand-over (update, setUserJwt). `seq` is the journal's length at the point; `sent` its
 * place in send order, when whoever recorded it knew (the browser routing and the simulated device
 * number what they send: `x-conformance-sent`).
 */
export interface SendOrderPoint {
  seq: number;
  sent?: number | null;
}

/**
 * The shared rule (docs/architecture.md, "Send order"): a record comes after the point when it was
 * sent after it — `record.sent > point.sent` when both have a counter, else `record.seq > point.seq`.
 * A request sent before a logout that lands after it is not after the logout.
 */
export function sentAfter(record: Pick<JournalRecord, 'seq' | 'sent'>, point: SendOrderPoint): boolean {
  if (typeof record.sent === 'number' && typeof point.sent === 'number') return record.sent > point.sent;
  return record.seq > point.seq;
}

/** The records sent after the point, in journal order. */
export function recordsSentAfter<R extends Pick<JournalRecord, 'seq' | 'sent'>>(records: readonly R[], point: SendOrderPoint): R[] {
  return records.filter((record) => sentAfter(record, point));
}

/** The last record sent at or before the point (for messages that name "the request before"), or null. */
export function lastSentBefore<R extends Pick<JournalRecord, 'seq' | 'sent'>>(records: readonly R[], point: SendOrderPoint): R | null {
  let last: R | null = null;
  for (const record of records) if (!sentAfter(record, point) && (!last || order(record) > order(last))) last = record;
  return last;
}

function order(record: Pick<JournalRecord, 'seq' | 'sent'>): number {
  return typeof record.sent === 'number' ? record.sent : record.seq;
}
