import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { checkIdOf } from '../check.ts';
import { progressEnabled, progressLine } from '../progress.ts';
import { failureReason, plainMessages } from './playwright-results.ts';

/** Playwright reporter: one progress line per finished check, for the conformance run's live view. */
export default class ProgressReporter implements Reporter {
  private readonly enabled = progressEnabled();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!this.enabled) return;
    const state = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    process.stdout.write(
      progressLine({
        cell: test.parent.project()?.name ?? 'web',
        check: checkIdOf(test.title),
        state,
        reason: state === 'failed' ? failureReason(plainMessages(result.errors)) || result.status : '',
        durationMs: result.duration,
      }),
    );
  }

  printsToStdio(): boolean {
    return this.enabled;
  }
}
