/** Separates the verdicts of one test's failure message, so a reader can judge each one. */
export const VERDICT_SEPARATOR = '\n──────\n';

/**
 * Soft assertions for the mobile specs: every expectation of a check is judged, and the test
 * then fails once with all failed verdicts (each still carrying its matcher's `[oracle]` mark),
 * like Playwright's `expect.soft`. expect-webdriverio's own `expect.soft` covers only its
 * built-in matchers.
 */
export class SoftVerdicts {
  private readonly failures: string[] = [];

  /** Runs one expectation; a failure is kept under `label` instead of thrown. */
  async check(label: string, expectation: () => unknown): Promise<void> {
    try {
      await expectation();
    } catch (error) {
      this.failures.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  get failed(): number {
    return this.failures.length;
  }

  /** Throws one error holding every failed verdict, separated by VERDICT_SEPARATOR. */
  assertAll(): void {
    if (this.failures.length === 0) return;
    const error = new Error(this.failures.join(VERDICT_SEPARATOR));
    error.name = 'ConformanceError';
    throw error;
  }
}
