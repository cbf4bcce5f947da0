import type { JournalRecord } from '../../mock-server/types.ts';

/**
 * A point in a session's send order: a boundary (the SDK's logout, the page's shutdown) or a
 * token hand-over (setUserJwt). `seq` is the journal's head at that point; `sent` the sender's
 * send counter there, when the sender stamps its requests (`x-conformance-sent`).
 */
export interface SendPoint {
  seq: number;
  sent?: number | null;
}

/**
 * The shared rule (docs/architecture.md, "Send order"): a record comes after the point when it
 * was sent after it — `record.sent > point.sent` when both have a counter, else `record.seq > point.seq`.
 * A request sent before a logout that lands after it is not after the logout.
 */
export function sentAfter(record: Pick<JournalRecord, 'seq' | 'sent'>, point: SendPoint): boolean {
  if (typeof record.sent === 'number' && typeof point.sent === 'number') return record.sent > point.sent;
  return record.seq > point.seq;
}

export function recordsSentAfter<R extends Pick<JournalRecord, 'seq' | 'sent'>>(records: readonly R[], point: SendPoint): R[] {
  return records.filter((record) => sentAfter(record, point));
}

/** The last record sent at or before the point (for messages that name "the request before"), or null. */
export function lastSentBefore<R extends Pick<JournalRecord, 'seq' | 'sent'>>(records: readonly R[], point: SendPoint): R | null {
  let last: R | null = null;
  for (const record of records) if (!sentAfter(record, point) && (!last || order(record) > order(last))) last = record;
  return last;
}

function order(record: Pick<JournalRecord, 'seq' | 'sent'>): number {
  return typeof record.sent === 'number' ? record.sent : record.seq;
}
