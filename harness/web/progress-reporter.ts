import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { checkIdOfAnnotations } from '../check.ts';
import { progressEnabled, progressLine } from '../progress.ts';
import { cellResultOf } from '../result.ts';
import { plainMessages, testStatusOf } from './playwright-results.ts';

/** Playwright reporter: one progress line per finished check, for the conformance run's live view. */
export default class ProgressReporter implements Reporter {
  private readonly enabled = progressEnabled();

  onTestEnd(test: TestCase, result: TestResult): void {
    const check = checkIdOfAnnotations(test.annotations);
    if (!this.enabled || !check) return;
    const cell = cellResultOf({ cell: test.parent.project()?.name ?? 'web', check, status: testStatusOf(result.status), durationMs: result.duration, errors: plainMessages(result.errors), evidence: [] });
    process.stdout.write(progressLine({ cell: cell.cell, check, state: cell.status, reason: cell.status === 'failed' ? cell.reason : '', durationMs: result.duration }));
  }

  printsToStdio(): boolean {
    return this.enabled;
  }
}
