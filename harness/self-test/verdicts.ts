/** How one check fared in one cell of a self-test matrix, against the expected-verdict table. */
import { isAsExpected, outcomeOf, type CellResult, type Outcome } from '../result.ts';

/**
 * The kill table's name for each outcome: a fault the table expects is `caught`, a fault it
 * expects but the check passed is `MISSED`, a failure it does not expect is a `FALSE ALARM`.
 */
export const KILL_TABLE_LABEL: Record<Outcome, string> = {
  pass: 'passed',
  'known-failure': 'caught',
  'unexpected-failure': 'FALSE ALARM',
  'unexpected-pass': 'MISSED',
  error: 'ERROR',
};

export interface JudgedResult extends CellResult {
  expectedFailure: boolean;
  outcome: Outcome;
  ok: boolean;
}

export function judge(result: CellResult, expectedFailure: boolean): JudgedResult {
  const outcome = outcomeOf(result.verdict, expectedFailure);
  return { ...result, expectedFailure, outcome, ok: isAsExpected(outcome) };
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
      return result.outcome === 'known-failure' ? 'caught' : result.outcome === 'pass' ? 'pass' : `!! ${KILL_TABLE_LABEL[result.outcome]}`;
    }),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' │ ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line)].join('\n');
}

export function countOutcome(results: readonly JudgedResult[], outcome: Outcome): number {
  return results.filter((result) => result.outcome === outcome).length;
}

export function summary(results: JudgedResult[], wallMs: number): string {
  const count = (outcome: Outcome): number => countOutcome(results, outcome);
  const faults = results.filter((result) => result.expectedFailure).length;
  return `faults caught ${count('known-failure')}/${faults}, missed ${count('unexpected-pass')}, false alarms ${count('unexpected-failure')}, errors ${count('error')}, expected passes ${count('pass')}; wall time ${(wallMs / 1000).toFixed(1)} s`;
}
