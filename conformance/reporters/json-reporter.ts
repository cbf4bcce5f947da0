import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { catalogEntry } from '../check-catalog.ts';
import type { ConformanceRun, RunResult } from '../run-state.ts';
import type { GatedResult } from '../types.ts';
import type { ConformanceReporter } from './reporter.ts';

/** `conformance.json`: the run, its gate and every verdict with its evidence, for machines. */
export class JsonReporter implements ConformanceReporter {
  reportLink(run: ConformanceRun) {
    return { name: 'verdicts (JSON)', path: run.out.json };
  }

  onEnd(result: RunResult): void {
    writeFileSync(result.out.json, `${JSON.stringify(jsonReport(result), null, 2)}\n`);
  }
}

/** The file's content; its fields and their order are what tools reading it rely on. */
export function jsonReport(result: RunResult) {
  const { gate, repeat, out, allure } = result;
  const { summary } = gate;
  return {
    started_at: result.startedAt,
    wall_ms: Math.round(result.wallMs),
    ok: result.exitCode === 0,
    exit_code: result.exitCode,
    gate: { ok: gate.holds, passed: summary.passed, known_failures: summary.knownFailures, unexpected_failures: summary.unexpectedFailures, unexpected_passes: summary.unexpectedPasses, errors: summary.errors },
    repeats: repeat,
    selection: result.selection,
    subjects: result.subjects,
    expectations: { files: result.expectations.files, not_found: result.expectations.notFound, notes: result.expectations.notes, known_failures: result.expectations.knownFailures },
    verdicts: gate.verdicts.map((verdict) => jsonVerdict(verdict)),
    ...(repeat > 1 ? { changed: gate.changed, runs: gate.runs.map((run) => run.map((result) => ({ check: result.check, platform: result.platform, outcome: result.verdict, gate: result.outcome, reason: result.reason }))) } : {}),
    reports: { json: out.json, markdown: out.markdown, allure: allure.page, logs: result.logs },
    ...(allure.problem ? { allure_error: allure.problem } : {}),
  };
}

function jsonVerdict(verdict: GatedResult) {
  return {
    check: verdict.check,
    title: catalogEntry(verdict.check)?.check.title,
    platform: verdict.platform,
    subject: verdict.subject,
    outcome: verdict.verdict,
    gate: verdict.outcome,
    reason: verdict.reason,
    expected: verdict.expected ? { reason: verdict.expected.reason, link: verdict.expected.link, file: verdict.expected.file } : null,
    duration_ms: verdict.durationMs,
    cause: verdict.cause,
    details: verdict.details,
    evidence: verdict.evidence.map((file) => ({ name: file.name, path: relative(process.cwd(), file.path) })),
  };
}
