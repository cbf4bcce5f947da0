import { join } from 'node:path';
import { judgeMatrix, reportMatrix } from '../harness/self-test/matrix-report.ts';
import { countOutcome, type JudgedResult } from '../harness/self-test/verdicts.ts';
import { MOB_CHECKS, WEB_CHECKS } from '../specs/checks.ts';
import { MOBILE_FAULT_FREE_CELLS, MOBILE_PROFILES, MOBILE_SELF_TEST_CELLS } from '../specs/mobile/expected-verdicts.ts';
import { WEB_SELF_TEST_CELLS } from '../specs/web/expected-verdicts.ts';
import { cellName } from '../harness/mobile/worker-results.ts';
import { ensureBrowser } from './browser-step.ts';
import { runMobile, SIM_CONFIG } from './mobile-runner.ts';
import { progressPrinter, useColours } from './progress-view.ts';
import type { Platform, WebSelection } from './types.ts';
import { runWeb } from './web-runner.ts';

/** The cells with no fault at all: the correct subjects on each platform and both false-alarm corpora. */
const FAULT_FREE = new Set([...WEB_SELF_TEST_CELLS.filter((cell) => cell.faultFree).map((cell) => cell.name), 'correct×Android', 'correct×iOS', ...MOBILE_FAULT_FREE_CELLS.map((cell) => cell.name)]);
const faultFree = (cell: string): boolean => FAULT_FREE.has(cell);

export interface MatrixOptions {
  /** `web` runs the web matrix; `android`/`ios` the mobile matrix on those platforms. */
  platforms: readonly Platform[];
  reportsDir: string;
  verbose: boolean;
  /** The web subject module (its bundled variants × profiles are the web matrix). */
  webSubjectModule: string;
}

/**
 * The self-test matrix: every bundled subject profile against every check, held to the
 * expected-verdict tables (specs/web/expected-verdicts.ts, specs/mobile/expected-verdicts.ts).
 * Prints each kill table and a summary; writes `<reportsDir>/self-test/{web,mobile}/kill-table.json`.
 * Returns the number of cells × checks that did not go as the tables say, or 'no-browser' when
 * the web matrix has no browser and none could be obtained (the instruction is printed).
 */
export async function runMatrix(options: MatrixOptions): Promise<number | 'no-browser'> {
  const started = performance.now();
  if (options.platforms.includes('web')) {
    const browser = await ensureBrowser();
    if (!browser.ok) {
      console.error(browser.instruction);
      return 'no-browser';
    }
  }
  const colours = useColours();
  const onProgress = progressPrinter((event) => event.cell, colours, () => '', 46);
  const judged: JudgedResult[] = [];
  let failed = 0;

  // The web and the mobile halves run side by side: a browser's worker and a simulated device
  // mostly wait, so together they take little longer than the longer one alone.
  const webHalf = async (): Promise<{ failed: number; results: JudgedResult[] }> => {
    const dir = join(options.reportsDir, 'self-test', 'web');
    const checks = WEB_CHECKS.map((check) => check.id);
    console.log(`web self-test · ${WEB_SELF_TEST_CELLS.length} cells (faults, the false-alarm corpus, real integrations) × ${checks.length} checks`);
    const web: WebSelection = { subjectModule: options.webSubjectModule, variant: undefined, profile: undefined, profileModule: undefined };
    const run = await runWeb({ checks, dir, verbose: options.verbose, onProgress }, web, true);
    const cells = WEB_SELF_TEST_CELLS.map((cell) => ({ name: cell.name, expectedFailures: cell.expectedFailures }));
    const results = judgeMatrix(cells, checks, run.results, () => `not run (playwright exit ${run.exit.exitCode}; log ${run.logFile})`);
    console.log(`\nWeb kill table (a fault is "caught" when an oracle fails the check the table says it must; Playwright log: ${run.logFile}):\n`);
    const webNotes = WEB_SELF_TEST_CELLS.map((cell) => `  ${cell.name}: ${cell.why}`);
    const failed = reportMatrix('web self-test', dir, results, checks, run.exit.wallMs, webNotes);
    return { failed, results };
  };
  const mobilePlatforms = options.platforms.filter((platform) => platform !== 'web');
  const mobileHalf = async (): Promise<{ failed: number; results: JudgedResult[] }> => {
    const dir = join(options.reportsDir, 'self-test', 'mobile');
    const checks = MOB_CHECKS.map((check) => check.id);
    const cells = MOBILE_SELF_TEST_CELLS.filter((cell) => (mobilePlatforms as readonly Platform[]).includes(cell.platform.toLowerCase() as Platform));
    console.log(`\nmobile self-test · ${cells.length} profile × platform cells × ${checks.length} checks`);
    const run = await runMobile(
      { checks, dir, verbose: options.verbose, onProgress },
      { config: SIM_CONFIG, profile: undefined, profileModule: undefined, selectors: undefined, subjectId: undefined },
      { platforms: mobilePlatforms, profiles: MOBILE_PROFILES, cells: cells.map((cell) => cell.name) },
    );
    const results = judgeMatrix(cells, checks, run.results, (cell) =>
      run.workers.filter((worker) => cellName(worker.sdkProfile, worker.platformName) === cell.name).flatMap((worker) => worker.errors)[0] ?? `not run (wdio exit ${run.exit.exitCode}; log ${run.logFile})`,
    );
    console.log(`\nMobile kill table (WDIO log: ${run.logFile}):\n`);
    const notes = cells.filter((cell) => cell.expectedFailures.length > 0).map((cell) => `  ${cell.name}: ${cell.why}`);
    const failed = reportMatrix('mobile self-test', dir, results, checks, run.exit.wallMs, notes);
    return { failed, results };
  };
  const halves = await Promise.all([
    options.platforms.includes('web') ? webHalf() : { failed: 0, results: [] },
    mobilePlatforms.length ? mobileHalf() : { failed: 0, results: [] },
  ]);
  for (const half of halves) {
    failed += half.failed;
    judged.push(...half.results);
  }

  const count = (outcome: JudgedResult['outcome']): number => countOutcome(judged, outcome);
  const faults = judged.filter((result) => result.expectedFailure).length;
  const correctCells = judged.filter((result) => faultFree(result.cell));
  const falseAlarmsOnCorrect = correctCells.filter((result) => result.outcome === 'unexpected-failure').length;
  console.log(
    `\nSelf-test matrix: faults caught ${count('known-failure')}/${faults}, missed ${count('unexpected-pass')}, false alarms ${count('unexpected-failure')} (${falseAlarmsOnCorrect} of them among the ${correctCells.length} checks of the fault-free cells), errors ${count('error')}; wall time ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return failed;
}
