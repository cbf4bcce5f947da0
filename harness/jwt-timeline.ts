import type { IssuedTokenEntry, JournalRecord } from '../mock-server/types.ts';
import { sentAfter } from './oracles/send-order.ts';

/** A journal mark as the timeline shows it (the admin API's `{label, seq, time, sent?}`). */
export interface TimelineBoundary {
  label: string;
  seq: number;
  time: string;
  sent?: number | null;
}

/**
 * A person-readable table of which token each request carried, with its expiry and verdict,
 * followed by the tokens the mock minted: the JWT timeline attached to every report. Each mark is
 * a row of its own before the first request that came after it (by send order when it has a counter).
 */
export function jwtTimeline(records: JournalRecord[], issued: IssuedTokenEntry[], marks: readonly TimelineBoundary[] = []): string {
  const header = ['seq', 'sent', 'time', 'platform', 'path', 'jwt', 'claims.user_id', 'status', 'exp_in_s', 'identity', 'served', 'http'];
  const rows = [header];
  const markRows = new Map<number, string[]>();
  const pending = [...marks];
  for (const record of records) {
    for (const mark of pending.filter((candidate) => sentAfter(record, candidate))) {
      pending.splice(pending.indexOf(mark), 1);
      markRows.set(rows.length, [...(markRows.get(rows.length) ?? []), markLine(mark)]);
    }
    rows.push([
      String(record.seq),
      typeof record.sent === 'number' ? String(record.sent) : '—',
      record.time.slice(11, 19),
      record.platform,
      record.path.replace(/^\/messenger\//, ''),
      record.jwt?.fingerprint ?? '—',
      String(record.jwt?.claims?.['user_id'] ?? '—'),
      record.jwt?.status ?? '—',
      record.jwt?.exp_in_s === undefined || record.jwt?.exp_in_s === null ? '—' : String(record.jwt.exp_in_s),
      record.identity.kind === 'none' ? 'none' : `${record.identity.user_id ?? record.identity.lead_id} (${record.identity.via})`,
      record.served.user_ids.join(',') || '—',
      String(record.response.status),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines: string[] = [];
  rows.forEach((row, index) => {
    lines.push(...(markRows.get(index) ?? []));
    lines.push(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  });
  lines.push(...pending.map(markLine));
  const table = lines.join('\n');
  const tokens = issued.map((entry) => `  ${entry.fingerprint}  ${entry.user_id ?? '—'}  iat ${entry.iat}  exp ${entry.exp}  minted after #${entry.after_seq} via ${entry.via}`);
  return `${table}\n\nTokens minted (oldest first):\n${tokens.join('\n') || '  none'}\n`;
}

function markLine(mark: TimelineBoundary): string {
  const where = typeof mark.sent === 'number' ? `requests with sent > ${mark.sent} come after it` : `requests after #${mark.seq} come after it`;
  return `── mark "${mark.label}" at ${mark.time.slice(11, 19)}: ${where} ──`;
}
