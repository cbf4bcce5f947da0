/**
 * The mobile self-test matrix: every built-in profile of the simulated SDK × {Android, iOS}
 * against every mobile check, in one WDIO run (one capability per cell, two sessions at a time),
 * judged against specs/mobile/expected-verdicts.ts. Prints the kill table and writes
 * reports/self-test/mobile/kill-table.json; exits non-zero on a missed fault, a false alarm or an
 * error (a failure that is not an oracle's verdict). WDIO's own output goes to wdio.log beside it
 * (MOBILE_SELF_TEST_VERBOSE=1 streams it instead).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { cellName, cellResults, readWorkerResults } from '../harness/mobile/index.ts';
import { judgeMatrix, reportMatrix } from '../harness/self-test/matrix-report.ts';
import { MOB_CHECKS } from '../specs/checks.ts';
import { MOBILE_PROFILES, MOBILE_SELF_TEST_CELLS } from '../specs/mobile/expected-verdicts.ts';

const dir = 'reports/self-test/mobile';
const resultsDir = `${dir}/results`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const verbose = process.env['MOBILE_SELF_TEST_VERBOSE'] === '1';
const started = performance.now();
const exitCode = await new Promise<number | null>((resolve) => {
  const child = spawn('npx', ['wdio', 'run', 'wdio.conf.ts'], {
    stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MOBILE_PROFILES: MOBILE_PROFILES.join(','),
      MOBILE_PLATFORMS: 'android,ios',
      MOBILE_WORKERS: process.env['MOBILE_WORKERS'] ?? '2',
      MOBILE_REPORTS_DIR: dir,
      MOBILE_RESULTS_DIR: resultsDir,
      MOBILE_PROFILE: '',
      MOBILE_PROFILE_MODULE: '',
      MOBILE_SELECTORS: '',
    },
  });
  if (!verbose) {
    const log = createWriteStream(`${dir}/wdio.log`);
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
  }
  child.on('close', resolve);
});
const wallMs = performance.now() - started;

const workers = readWorkerResults(resultsDir);
const checks = MOB_CHECKS.map((check) => check.id);
const judged = judgeMatrix(MOBILE_SELF_TEST_CELLS, checks, cellResults(workers), (cell) =>
  workers.filter((worker) => cellName(worker.sdkProfile, worker.platformName) === cell.name).flatMap((worker) => worker.errors)[0] ?? 'not run',
);

console.log(`\nMobile self-test kill table (wdio exit ${exitCode}; failures are expected where the table says "caught"; WDIO output in ${dir}/wdio.log):\n`);
const notes = [
  ...MOBILE_SELF_TEST_CELLS.filter((cell) => cell.expectedFailures.length > 0).map((cell) => `  ${cell.name}: ${cell.why}`),
  ...judged.filter((result) => result.judgement === 'caught').map((result) => `  ✓ ${result.cell} ${result.check}: ${result.reason.slice(0, 220)}`),
];
const failed = reportMatrix('mobile self-test', dir, judged, checks, wallMs, notes);
process.exit(failed > 0 ? 1 : 0);
