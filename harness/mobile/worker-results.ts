import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellResultOf, PLATFORM_LABEL, platformNamed, type CellResult, type RunnerTest } from '../result.ts';
import { VERDICT_SEPARATOR } from './soft-verdicts.ts';

/**
 * What the mobile results reporter writes (one JSON per worker) and how a run reads it back:
 * runner-neutral, so the conformance run judges the device's tests without loading WebdriverIO.
 */

/** One worker's results: the device it drove, and each test's state and error messages. */
export interface WorkerResults {
  cid: string;
  platformName: string;
  /** `appium:sdkProfile`, the basename of `appium:sdkProfileModule`, or `app` for a real app. */
  sdkProfile: string;
  specs: string[];
  tests: WorkerTest[];
  /** Failures outside a test: a hook, the session (Appium refused the capabilities), the worker. */
  errors: string[];
}

export interface WorkerTest {
  title: string;
  fullTitle: string;
  /** The ID of the check the test was declared for (`checkTest`); absent for any other test. */
  check?: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  errors: string[];
}

export function readWorkerResults(dir: string): WorkerResults[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => /^results-.*\.json$/.test(file));
  } catch {
    return [];
  }
  return files.sort().map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkerResults);
}

/** `correct×Android`: how the self-test names a profile on a platform. */
export function cellName(profile: string, platformName: string): string {
  const platform = platformNamed(platformName);
  return `${profile}×${platform ? PLATFORM_LABEL[platform] : platformName}`;
}

/** Where a worker keeps the evidence files of one check's test (written by the service's afterTest). */
export function evidenceDir(resultsDir: string, cid: string, checkId: string): string {
  return join(resultsDir, 'evidence', cid || 'worker', checkId);
}

/** A worker's test in the runner-neutral shape every cell result is judged from (harness/result.ts). */
export function runnerTest(worker: WorkerResults, test: WorkerTest & { check: string }, resultsDir?: string): RunnerTest {
  const dir = resultsDir ? evidenceDir(resultsDir, worker.cid, test.check) : null;
  const evidence = dir && existsSync(dir) ? readdirSync(dir).sort().map((name) => ({ name, path: join(dir, name) })) : [];
  return { cell: cellName(worker.sdkProfile, worker.platformName), check: test.check, status: test.state, durationMs: test.durationMs, errors: test.errors, evidence };
}

/** One result per worker test that declared a check (soft verdicts split on VERDICT_SEPARATOR). */
export function cellResults(workers: WorkerResults[], resultsDir?: string): CellResult[] {
  return workers.flatMap((worker) =>
    worker.tests.flatMap((test) => (test.check ? [cellResultOf(runnerTest(worker, { ...test, check: test.check }, resultsDir), VERDICT_SEPARATOR)] : [])),
  );
}
