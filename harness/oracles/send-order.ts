import type { JournalRecord } from '../../mock-server/types.ts';

/**
 * A point in the order requests were sent: a boundary (the app's shutdown / logout), a token
 * hand-over. `seq` is the journal's length at the point; `sent` its place in send order, when
 * whoever recorded it knew (the browser routing and the simulated device number what they send).
 */
export interface SendOrderPoint {
  seq: number;
  sent?: number;
}

/**
 * Whether a record was sent after the point: by send order when both carry it, so a request the
 * app sent before a logout passes even when it lands after; by arrival (seq) otherwise.
 */
export function sentAfter(record: Pick<JournalRecord, 'seq' | 'sent'>, point: SendOrderPoint): boolean {
  if (typeof record.sent === 'number' && point.sent !== undefined) return record.sent > point.sent;
  return record.seq > point.seq;
}

/** The records sent after the point, in journal order. */
export function recordsSentAfter(records: JournalRecord[], point: SendOrderPoint): JournalRecord[] {
  return records.filter((record) => sentAfter(record, point));
}

/** One sentence naming the point for a failure message: `#12` or `#12 (sent 31st)`. */
export function describePoint(point: SendOrderPoint): string {
  return point.sent !== undefined ? `#${point.seq} (send order ${point.sent})` : `#${point.seq}`;
}
