/**
 * The words for a result, from an oracle to the report, each defined once here. Playwright is
 * the model: a test result has a `status` (what the runner saw) and the test an `outcome()` (how
 * that stands against what was expected). Ours, in the order a result passes through them:
 *
 *   OracleVerdict  one oracle over its evidence: pass, or the violations, explained in a sentence
 *   TestStatus     what the runner reported for a test: passed, failed or skipped, with its errors
 *   Verdict        the check's verdict in one cell: pass, fail (an oracle's verdict) or error
 *   CellResult     one check in one cell: its status, verdict, reason and evidence
 *   Outcome        the verdict against the expectations (known failures, the self-test's table)
 *
 * A skipped test is not judged: it gets the verdict `error`, and its reason is what is known of
 * why it did not run (a failed hook, a refused session, the runner's exit), as for a result that
 * never arrived at all.
 */
import type { Platform as RecordPlatform } from '../mock-server/types.ts';
import { ORACLE_MARK } from './matchers.ts';
import type { Violation } from './oracles/types.ts';

/** Where a check runs: the browser, or the simulated/real device of one mobile platform. */
export type Platform = Exclude<RecordPlatform, 'other'>;
export const PLATFORMS: readonly Platform[] = ['web', 'android', 'ios'];
/** How a platform is written for people: tables, cell names (`correct×Android`), and Appium's `platformName`. */
export const PLATFORM_LABEL = { web: 'web', android: 'Android', ios: 'iOS' } as const satisfies Record<Platform, string>;
/** A mobile platform as Appium's `platformName`, the device contract and the cell names write it. */
export type MobilePlatform = (typeof PLATFORM_LABEL)[Exclude<Platform, 'web'>];

/** The platform a label or a capability's `platformName` names, in any case (`Android`, `ios`). */
export function platformNamed(name: string): Platform | null {
  const lower = name.trim().toLowerCase();
  return (PLATFORMS as readonly string[]).includes(lower) ? (lower as Platform) : null;
}

/** A file of evidence a runner kept for a test. */
export interface EvidenceFile {
  name: string;
  path: string;
}

/** One oracle's verdict over its evidence: pass, or the violations, with a one-sentence explanation either way. */
export interface OracleVerdict {
  oracle: string;
  pass: boolean;
  explanation: string;
  violations: Violation[];
}

/** What the runner reported for a test (Playwright's `timedOut` and `interrupted` are failures). */
export type TestStatus = 'passed' | 'failed' | 'skipped';

/**
 * A check's verdict in one cell: `fail` only when every failure is an oracle's verdict;
 * `error` when the check could not judge (a crash, a timeout, a failed precondition, a skipped
 * test, a result that never arrived).
 */
export type Verdict = 'pass' | 'fail' | 'error';

/** One check in one cell (a Playwright project, a profile × platform): what the runner reported and what it means. */
export interface CellResult {
  cell: string;
  check: string;
  /** What the runner reported; `skipped` results get their reason from the run (see `Verdict`). */
  status: TestStatus;
  verdict: Verdict;
  /** The failure in one line (the first verdict line, else the first line of the error); the status when nothing failed. */
  reason: string;
  durationMs: number;
  /** Every failure message in full (each names its evidence: seq, path, token, canary). */
  details: string[];
  /** Evidence files the runner kept for this test: JWT timeline, journal, screenshot, UI state. */
  evidence: EvidenceFile[];
}

/** A test as any runner reports it: the input of `cellResultOf`. */
export interface RunnerTest {
  cell: string;
  check: string;
  status: TestStatus;
  durationMs: number;
  /** Failure messages, plain text; a message may hold several verdicts (soft assertions). */
  errors: readonly string[];
  evidence: EvidenceFile[];
}

/**
 * The failure in one line: for `fail`, the first verdict line; for `error`, the first line of
 * the first error that is not a verdict (what stopped the check judging); the status when there
 * is no error.
 */
function failureReason(verdict: Verdict, blocks: readonly string[], status: TestStatus): string {
  const firstLine = (block: string): string | undefined => block.split('\n').find((line) => line.trim());
  const line =
    verdict === 'fail'
      ? blocks.flatMap((block) => block.split('\n')).find((candidate) => candidate.includes(ORACLE_MARK))
      : firstLine(blocks.find((block) => !block.includes(ORACLE_MARK)) ?? blocks[0] ?? '');
  return (line ?? status).replace(ORACLE_MARK, '').replace(/\s+/g, ' ').trim();
}

/**
 * A runner's test as a cell result, the same for the browser and the device: a failure is the
 * verdict `fail` only when every error block carries the oracle mark; anything else that did not
 * pass is an `error`. `separator` splits one message into the verdicts of soft assertions.
 */
export function cellResultOf(test: RunnerTest, separator?: string): CellResult {
  const blocks = test.errors.flatMap((message) => (separator ? message.split(separator) : [message]));
  const verdict: Verdict =
    test.status === 'passed' ? 'pass' : test.status === 'failed' && blocks.length > 0 && blocks.every((block) => block.includes(ORACLE_MARK)) ? 'fail' : 'error';
  return {
    cell: test.cell,
    check: test.check,
    status: test.status,
    verdict,
    reason: failureReason(verdict, blocks, test.status),
    durationMs: test.durationMs,
    details: blocks.map((block) => block.trim()),
    evidence: test.evidence,
  };
}

/**
 * How a verdict stands against what was expected (Playwright's `outcome()`). `pass` and
 * `known-failure` are as expected; the rest are not. The gate and the self-test's kill table
 * use the same outcomes (the table names them `passed`, `caught`, `FALSE ALARM`, `MISSED`, `ERROR`).
 */
export type Outcome = 'pass' | 'known-failure' | 'unexpected-failure' | 'unexpected-pass' | 'error';

export function outcomeOf(verdict: Verdict, expectedToFail: boolean): Outcome {
  if (verdict === 'error') return 'error';
  if (verdict === 'fail') return expectedToFail ? 'known-failure' : 'unexpected-failure';
  return expectedToFail ? 'unexpected-pass' : 'pass';
}

export function isAsExpected(outcome: Outcome): boolean {
  return outcome === 'pass' || outcome === 'known-failure';
}
