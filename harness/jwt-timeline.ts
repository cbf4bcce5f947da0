import type { IssuedTokenEntry, JournalRecord } from '../mock-server/types.ts';

/**
 * A person-readable table of which token each request carried, with its expiry and verdict,
 * followed by the tokens the mock minted: the JWT timeline attached to every report.
 */
export function jwtTimeline(records: JournalRecord[], issued: IssuedTokenEntry[]): string {
  const rows = [['seq', 'time', 'platform', 'path', 'jwt', 'claims.user_id', 'status', 'exp_in_s', 'identity', 'served', 'http']];
  for (const record of records) {
    rows.push([
      String(record.seq),
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
  const table = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
  const tokens = issued.map((entry) => `  ${entry.fingerprint}  ${entry.user_id ?? '—'}  iat ${entry.iat}  exp ${entry.exp}  minted after #${entry.after_seq} via ${entry.via}`);
  return `${table}\n\nTokens minted (oldest first):\n${tokens.join('\n') || '  none'}\n`;
}
