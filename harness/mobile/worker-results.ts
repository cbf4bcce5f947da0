import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIdOf } from '../check.ts';
import { ORACLE_MARK } from '../matchers.ts';
import { PLATFORM_LABEL, platformNamed } from '../result.ts';
import type { CellResult, Outcome } from '../self-test/verdicts.ts';
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
  /** The check the test declared (the check registry), when it declared one; else its title's first word is used. */
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

/** The check a worker's test stands for. */
export function checkOfWorkerTest(test: Pick<WorkerTest, 'title' | 'check'>): string {
  return test.check ?? checkIdOf(test.title);
}

/** Where a worker keeps the evidence files of one test (written by the service's afterTest). */
export function evidenceDir(resultsDir: string, cid: string, check: string): string {
  return join(resultsDir, 'evidence', cid || 'worker', check);
}

/**
 * A failure is `caught` only when every one of its verdicts carries the oracle mark; anything
 * else (a crash, a timeout, a failed precondition) is an `error`. The reason is the first verdict
 * line of a caught fault, or the first line of an error that is not a verdict.
 */
export function judgeTest(test: WorkerTest): { outcome: Outcome; reason: string; details: string[] } {
  const blocks = test.errors.flatMap((message) => message.split(VERDICT_SEPARATOR));
  const outcome: Outcome = test.state === 'passed' ? 'passed' : test.state === 'failed' && blocks.length > 0 && blocks.every((block) => block.includes(ORACLE_MARK)) ? 'caught' : test.state === 'skipped' ? 'missing' : 'error';
  const lines = blocks.flatMap((block) => block.split('\n')).filter((line) => line.trim());
  const line = outcome === 'caught' ? lines.find((candidate) => candidate.includes(ORACLE_MARK)) : lines.find((candidate) => !candidate.includes(ORACLE_MARK));
  const reason = (line ?? test.state).replace(ORACLE_MARK, '').replace(/\s+/g, ' ').trim();
  return { outcome, reason, details: blocks.map((block) => block.trim()) };
}

/** One result per worker test. */
export function cellResults(workers: WorkerResults[], resultsDir?: string): CellResult[] {
  return workers.flatMap((worker) =>
    worker.tests.map((test): CellResult => {
      const { outcome, reason, details } = judgeTest(test);
      const check = checkOfWorkerTest(test);
      const dir = resultsDir ? evidenceDir(resultsDir, worker.cid, check) : null;
      const evidence = dir && existsSync(dir) ? readdirSync(dir).sort().map((name) => ({ name, path: join(dir, name) })) : [];
      return { cell: cellName(worker.sdkProfile, worker.platformName), check, outcome, reason, durationMs: test.durationMs, details, evidence };
    }),
  );
}
