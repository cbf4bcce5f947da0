/** How one check fared in one cell of a self-test matrix, and how that compares to the table. */

/** `caught`: failed by an oracle's verdict; `error`: failed some other way (crash, timeout, precondition). */
export type Outcome = 'passed' | 'caught' | 'error' | 'missing';

export interface CellResult {
  cell: string;
  check: string;
  outcome: Outcome;
  /** First line of the failure, for the table's one-line reason. */
  reason: string;
  durationMs: number;
  /** Every failure message in full (each names its evidence: seq, path, token, canary). */
  details?: string[];
  /** Evidence files the runner kept for this test: JWT timeline, journal, screenshot, UI state. */
  evidence?: EvidenceFile[];
}

export interface EvidenceFile {
  name: string;
  path: string;
}

export type Judgement = 'caught' | 'passed' | 'MISSED' | 'FALSE ALARM' | 'ERROR';

export interface JudgedResult extends CellResult {
  expectedFailure: boolean;
  judgement: Judgement;
  ok: boolean;
}

export function judge(result: CellResult, expectedFailure: boolean): JudgedResult {
  let judgement: Judgement;
  if (result.outcome === 'error' || result.outcome === 'missing') judgement = 'ERROR';
  else if (expectedFailure) judgement = result.outcome === 'caught' ? 'caught' : 'MISSED';
  else judgement = result.outcome === 'passed' ? 'passed' : 'FALSE ALARM';
  return { ...result, expectedFailure, judgement, ok: judgement === 'caught' || judgement === 'passed' };
}

/** The kill table: one row per cell, one column per check, and a one-line summary. */
export function killTable(results: JudgedResult[], checks: readonly string[]): string {
  const cells = [...new Set(results.map((result) => result.cell))];
  const header = ['cell', ...checks];
  const rows = cells.map((cell) => [
    cell,
    ...checks.map((check) => {
      const result = results.find((candidate) => candidate.cell === cell && candidate.check === check);
      if (!result) return '—';
      return result.judgement === 'caught' ? 'caught' : result.judgement === 'passed' ? 'pass' : `!! ${result.judgement}`;
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' │ ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line)].join('\n');
}

export function summary(results: JudgedResult[], wallMs: number): string {
  const count = (judgement: Judgement): number => results.filter((result) => result.judgement === judgement).length;
  const faults = results.filter((result) => result.expectedFailure).length;
  return `faults caught ${count('caught')}/${faults}, missed ${count('MISSED')}, false alarms ${count('FALSE ALARM')}, errors ${count('ERROR')}, expected passes ${count('passed')}; wall time ${(wallMs / 1000).toFixed(1)} s`;
}
