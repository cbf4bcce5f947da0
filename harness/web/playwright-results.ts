import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { checkIdOfAnnotations } from '../check.ts';
import { cellResultOf, type CellResult, type TestStatus } from '../result.ts';

interface JsonResult {
  status: string;
  duration: number;
  errors?: { message?: string }[];
  attachments?: { name: string; contentType: string; path?: string }[];
}
interface JsonSpec {
  title: string;
  tags?: string[];
  tests: { projectName: string; annotations?: { type: string; description?: string }[]; results: JsonResult[] }[];
}
interface JsonSuite {
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
export interface PlaywrightJsonReport {
  suites: JsonSuite[];
  stats: { expected: number; unexpected: number; flaky: number; skipped: number; duration: number };
  errors?: { message?: string }[];
}

export function readPlaywrightReport(file: string): PlaywrightJsonReport {
  return JSON.parse(readFileSync(file, 'utf8')) as PlaywrightJsonReport;
}

export function plainMessages(errors: readonly { message?: string }[]): string[] {
  return errors.map((error) => stripVTControlCharacters(error.message ?? ''));
}

/** Playwright's status in our words: `timedOut` and `interrupted` are failures (not verdicts: they carry no oracle mark). */
export function testStatusOf(status: string | undefined): TestStatus {
  return status === 'passed' ? 'passed' : status === 'skipped' || status === undefined ? 'skipped' : 'failed';
}

/**
 * One result per project × check, the check read from the `check` annotation the spec declared
 * (`declareCheck`); a test that declared no check is not a conformance check and is left out.
 */
export function cellResults(report: PlaywrightJsonReport): CellResult[] {
  const results: CellResult[] = [];
  const walk = (suite: JsonSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const check = checkIdOfAnnotations(test.annotations);
        if (!check) continue;
        const last = test.results.at(-1);
        results.push(
          cellResultOf({
            cell: test.projectName,
            check,
            status: testStatusOf(last?.status),
            durationMs: last?.duration ?? 0,
            errors: plainMessages(last?.errors ?? []),
            evidence: (last?.attachments ?? []).filter((attachment) => attachment.path).map((attachment) => ({ name: attachment.name, path: attachment.path! })),
          }),
        );
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return results;
}
