import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import WDIOReporter, { type HookStats, type RunnerStats, type TestStats } from '@wdio/reporter';
import { checkOfTest } from '../check.ts';
import { progressEnabled, progressLine } from '../progress.ts';
import { profileNameOf } from './device-contract.ts';
import { DEFAULT_RESULTS_DIR } from './service/constants.ts';
import { cellResultOf } from '../result.ts';
import { VERDICT_SEPARATOR } from './soft-verdicts.ts';
import { runnerTest, type WorkerResults, type WorkerTest } from './worker-results.ts';

interface ReporterOptions {
  outputDir?: string;
}

function messagesOf(errors: readonly { message?: string }[] | undefined): string[] {
  return (errors ?? []).map((error) => stripVTControlCharacters(String(error.message ?? error)));
}

/**
 * A WebdriverIO reporter (on @wdio/reporter's WDIOReporter): one JSON file per worker
 * (`results-<cid>.json`) under `outputDir`, read back by the conformance run (worker-results.ts).
 * It writes synchronously, so WDIOReporter's `isSynchronised` holds.
 */
export default class MobileResultsReporter extends WDIOReporter {
  private readonly outputDir: string;
  private readonly results: WorkerResults = { cid: '', platformName: '', sdkProfile: '', specs: [], tests: [], errors: [] };

  constructor(options: ReporterOptions & Record<string, unknown> = {}) {
    // It writes its own file, never WDIOReporter's log stream: `stdout` keeps WDIOReporter from
    // opening a log file (named after the reporter, which is a path when a config names it by path).
    super({ ...options, stdout: true });
    this.outputDir = resolve(options.outputDir ?? process.env['MOBILE_RESULTS_DIR'] ?? DEFAULT_RESULTS_DIR);
  }

  override onRunnerStart(runner: RunnerStats): void {
    // Requested capabilities (config.capabilities) name the profile; the session's echo may not.
    const requested = ((runner.config as { capabilities?: unknown }).capabilities ?? {}) as Record<string, unknown>;
    const caps = { ...(runner.capabilities as Record<string, unknown>), ...requested };
    this.results.cid = runner.cid;
    this.results.platformName = String(caps['platformName'] ?? '');
    this.results.sdkProfile = profileNameOf(caps);
    this.results.specs = runner.specs.map((spec) => spec.replace(/^file:\/\//, ''));
  }

  override onTestPass(test: TestStats): void {
    this.record(test, 'passed');
  }

  override onTestFail(test: TestStats): void {
    this.record(test, 'failed');
  }

  override onTestSkip(test: TestStats): void {
    this.record(test, 'skipped');
  }

  override onTestPending(test: TestStats): void {
    this.record(test, 'skipped');
  }

  override onHookEnd(hook: HookStats): void {
    const errors = hook.errors?.length ? hook.errors : hook.error ? [hook.error] : [];
    if (errors.length) this.results.errors.push(`hook "${hook.title}": ${messagesOf(errors).join('; ')}`);
  }

  override onRunnerEnd(runner: RunnerStats): void {
    if (runner.error) this.results.errors.push(`session: ${stripVTControlCharacters(String(runner.error))}`);
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(join(this.outputDir, `results-${this.results.cid || process.pid}.json`), JSON.stringify(this.results, null, 2));
  }

  private record(stats: TestStats, state: WorkerTest['state']): void {
    const check = checkOfTest(stats.title)?.id;
    const test: WorkerTest = {
      title: stats.title,
      fullTitle: stats.fullTitle,
      ...(check ? { check } : {}),
      state,
      durationMs: stats.duration ?? 0,
      errors: state === 'failed' ? messagesOf(stats.errors?.length ? stats.errors : stats.error ? [stats.error] : []) : [],
    };
    this.results.tests.push(test);
    if (progressEnabled() && check) {
      const { cell, reason } = cellResultOf(runnerTest(this.results, { ...test, check }), VERDICT_SEPARATOR);
      process.stdout.write(progressLine({ cell, check, state, reason: state === 'failed' ? reason : '', durationMs: test.durationMs }));
    }
  }
}

export { MobileResultsReporter };
export { cellName, cellResults, evidenceDir, readWorkerResults, type WorkerResults } from './worker-results.ts';
