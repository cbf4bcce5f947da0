/**
 * The web self-test matrix: every bundled app variant × messenger profile against every web
 * check, judged against specs/web/expected-verdicts.ts. Prints the kill table and writes
 * reports/self-test/web/kill-table.json; exits non-zero on a missed fault, a false alarm or an error.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cellResults, readPlaywrightReport } from '../harness/web/playwright-results.ts';
import { judgeMatrix, reportMatrix } from '../harness/self-test/matrix-report.ts';
import { WEB_CHECKS } from '../specs/checks.ts';
import { WEB_SELF_TEST_CELLS } from '../specs/web/expected-verdicts.ts';

const dir = 'reports/self-test/web';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const started = performance.now();
const exitCode = await new Promise<number | null>((resolve) => {
  const child = spawn('npx', ['playwright', 'test'], {
    stdio: 'inherit',
    env: { ...process.env, SELF_TEST: '1', WEB_REPORTS_DIR: dir },
  });
  child.on('close', resolve);
});
const wallMs = performance.now() - started;

const results = cellResults(readPlaywrightReport(`${dir}/results.json`));
const checks = WEB_CHECKS.map((check) => check.id);
const cells = WEB_SELF_TEST_CELLS.map((cell) => ({ name: `${cell.variant}×${cell.profile}`, expectedFailures: cell.expectedFailures }));
const judged = judgeMatrix(cells, checks, results);

console.log(`\nWeb self-test kill table (playwright exit ${exitCode}; failures are expected where the table says "caught"):\n`);
const failed = reportMatrix('web self-test', dir, judged, checks, wallMs);
process.exit(failed > 0 ? 1 : 0);
