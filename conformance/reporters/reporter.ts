import type { ProgressEvent } from '../../harness/progress.ts';
import type { ConformanceRun, RunGate, ReportLink, RunResult } from '../run-state.ts';
import type { Platform } from '../types.ts';

/** A runner about to start in a round: which platforms, what drives them, how many checks. */
export interface RunnerBegin {
  platforms: readonly Platform[];
  /** `Playwright`, or `WebdriverIO + Appium, simulated device`. */
  runner: string;
  checks: number;
}

/**
 * One output of a conformance run (the terminal, conformance.json, conformance.md, the Allure
 * report), called as the run goes, in the manner of Playwright's reporters: every hook optional.
 */
export interface ConformanceReporter {
  /** The input is good and the last run's outputs are gone: the run begins. */
  onBegin?(run: ConformanceRun): void;
  /** With --repeat: a repeat of the selection begins (1-based). */
  onRoundBegin?(round: number, of: number): void;
  onRunnerBegin?(runner: RunnerBegin): void;
  /** A check finished, as a runner reported it. */
  onProgress?(event: ProgressEvent): void;
  /**
   * The verdicts are gated; the result is not settled yet. A reporter whose output the others
   * list or whose failure changes the exit code (the Allure report) makes it here.
   */
  onGated?(run: ConformanceRun, gate: RunGate): Promise<void> | void;
  /** Where this reporter's output is, for the list of reports (null when it made none). */
  reportLink?(run: ConformanceRun): ReportLink | null;
  /** The settled result: write the output. */
  onEnd?(result: RunResult): Promise<void> | void;
}

/** Several reporters as one, each hook called on each in order (async hooks one after another). */
export class Reporters implements ConformanceReporter {
  constructor(readonly reporters: readonly ConformanceReporter[]) {}

  onBegin(run: ConformanceRun): void {
    for (const reporter of this.reporters) reporter.onBegin?.(run);
  }

  onRoundBegin(round: number, of: number): void {
    for (const reporter of this.reporters) reporter.onRoundBegin?.(round, of);
  }

  onRunnerBegin(runner: RunnerBegin): void {
    for (const reporter of this.reporters) reporter.onRunnerBegin?.(runner);
  }

  onProgress(event: ProgressEvent): void {
    for (const reporter of this.reporters) reporter.onProgress?.(event);
  }

  async onGated(run: ConformanceRun, gate: RunGate): Promise<void> {
    for (const reporter of this.reporters) await reporter.onGated?.(run, gate);
  }

  reportLinks(run: ConformanceRun): ReportLink[] {
    return this.reporters.flatMap((reporter) => reporter.reportLink?.(run) ?? []);
  }

  async onEnd(result: RunResult): Promise<void> {
    for (const reporter of this.reporters) await reporter.onEnd?.(result);
  }
}
