import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { checkIdOf } from '../check.ts';
import { ORACLE_MARK } from '../matchers.ts';
import type { CellResult } from '../self-test/verdicts.ts';

interface JsonResult {
  status: string;
  duration: number;
  errors?: { message?: string }[];
  attachments?: { name: string; contentType: string; path?: string }[];
}
interface JsonSpec {
  title: string;
  tests: { projectName: string; results: JsonResult[] }[];
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

/** A failure is an oracle's verdict only when every error carries the mark; else it is an error. */
export function isVerdict(messages: readonly string[]): boolean {
  return messages.length > 0 && messages.every((message) => message.includes(ORACLE_MARK));
}

/** The failure in one line: the first verdict line, else the first line of the first error. */
export function failureReason(messages: readonly string[]): string {
  const first = messages.map((message) => message.split('\n').find((line) => line.includes(ORACLE_MARK)) ?? message.split('\n')[0] ?? '')[0] ?? '';
  return first.replace(ORACLE_MARK, '').trim();
}

/** One result per project × check, the check ID taken from the test title's first word. */
export function cellResults(report: PlaywrightJsonReport): CellResult[] {
  const results: CellResult[] = [];
  const walk = (suite: JsonSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const last = test.results.at(-1);
        const messages = plainMessages(last?.errors ?? []);
        const outcome = !last ? 'missing' : last.status === 'passed' ? 'passed' : isVerdict(messages) ? 'caught' : 'error';
        results.push({
          cell: test.projectName,
          check: checkIdOf(spec.title),
          outcome,
          reason: failureReason(messages) || (last?.status ?? 'not run'),
          durationMs: last?.duration ?? 0,
          details: messages,
          evidence: (last?.attachments ?? []).filter((attachment) => attachment.path).map((attachment) => ({ name: attachment.name, path: attachment.path! })),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return results;
}
