import { writeFileSync } from 'node:fs';
import type { CellResult } from '../result.ts';
import { judge, KILL_TABLE_LABEL, killTable, summary, type JudgedResult } from './verdicts.ts';

export interface MatrixCell {
  name: string;
  expectedFailures: readonly string[];
}

/**
 * Judges every cell × check against the expected-verdict table; a result that never arrived is
 * an error, with `missingReason` saying what is known about the cell.
 */
export function judgeMatrix(
  cells: readonly MatrixCell[],
  checks: readonly string[],
  results: readonly CellResult[],
  missingReason: (cell: MatrixCell) => string = () => 'not run',
): JudgedResult[] {
  return cells.flatMap((cell) =>
    checks.map((check) => {
      const result = results.find((candidate) => candidate.cell === cell.name && candidate.check === check) ?? {
        cell: cell.name,
        check,
        status: 'skipped',
        verdict: 'error',
        reason: missingReason(cell),
        durationMs: 0,
        details: [],
        evidence: [],
      } satisfies CellResult;
      return judge(result, cell.expectedFailures.includes(check));
    }),
  );
}

/**
 * Prints the kill table, every mismatch and the summary; writes `<dir>/kill-table.json` (what
 * `npm test` tallies) and ends with `<label>: N passed, N failed`. Returns the failure count.
 */
export function reportMatrix(label: string, dir: string, judged: JudgedResult[], checks: readonly string[], wallMs: number, notes: string[] = []): number {
  console.log(killTable(judged, checks));
  if (notes.length) console.log(`\n${notes.join('\n')}`);
  for (const wrong of judged.filter((result) => !result.ok)) console.log(`  !! ${wrong.cell} ${wrong.check}: ${KILL_TABLE_LABEL[wrong.outcome]} — ${wrong.reason}`);
  console.log(`\n${summary(judged, wallMs)}`);
  const passed = judged.filter((result) => result.ok).length;
  const failed = judged.length - passed;
  writeFileSync(`${dir}/kill-table.json`, JSON.stringify({ passed, failed, wall_ms: Math.round(wallMs), results: judged }, null, 2));
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  return failed;
}
