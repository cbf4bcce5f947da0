import { writeFileSync } from 'node:fs';
import type { ConformanceRun, RunResult } from '../run-state.ts';
import { markdownReport } from '../verdict-table.ts';
import type { ConformanceReporter } from './reporter.ts';

/** `conformance.md`: the verdict table, its findings and the list of reports, for people (a CI summary). */
export class MarkdownReporter implements ConformanceReporter {
  reportLink(run: ConformanceRun) {
    return { name: 'verdict table (Markdown)', path: run.out.markdown };
  }

  onEnd(result: RunResult): void {
    writeFileSync(
      result.out.markdown,
      markdownReport(result.gate.verdicts, result.selection.platforms, {
        subjects: result.subjects.map((subject) => subject.id),
        expectations: result.expectations.files,
        startedAt: result.startedAt,
        wallMs: result.wallMs,
        reports: result.reports,
        repeats: result.repeat,
        changed: result.gate.changed,
        problems: result.allure.problem ? [`the Allure report could not be generated: ${result.allure.problem}`] : [],
        dir: result.reportsDir,
      }),
    );
  }
}
