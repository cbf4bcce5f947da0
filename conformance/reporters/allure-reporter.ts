import { join } from 'node:path';
import { annotateAllureResults } from '../allure-annotations.ts';
import { generateAllureReport } from '../allure-report.ts';
import { describeGate } from '../gate.ts';
import type { ConformanceRun, RunGate } from '../run-state.ts';
import { PLATFORM_LABEL } from '../types.ts';
import type { ConformanceReporter } from './reporter.ts';

/**
 * The one merged Allure report of the run (browser and devices): the runners' results annotated
 * with the gate's view, and generated once the verdicts are gated, so the other reports can list
 * it. A report that cannot be made is a problem of the run (exit 3), not a lost verdict.
 */
export class AllureReporter implements ConformanceReporter {
  async onGated(run: ConformanceRun, gate: RunGate): Promise<void> {
    const { options, out } = run;
    try {
      // Verdicts no runner reported on get results of their own, one folder per round.
      const missingDirs = gate.runs.map((verdicts, index) => {
        const round = run.rounds[index]!;
        const dir = join(round.dir, 'allure-results-without-runner');
        annotateAllureResults(round.allureResults, verdicts, dir);
        return dir;
      });
      run.allure.page = await generateAllureReport(
        [...run.rounds.flatMap((round) => round.allureResults.map((entry) => entry.dir)), ...missingDirs],
        out.allure,
        out.work,
        {
          subjects: run.subjects.map((subject) => `${subject.id} (${subject.platforms.map((platform) => PLATFORM_LABEL[platform]).join(', ')})`).join('; '),
          expectations: run.expectations.files.join(', ') || 'none',
          gate: describeGate(gate.summary),
          ...(options.repeat > 1 ? { repeats: `${options.repeat} (${gate.changed.length} verdicts changed)` } : {}),
        },
      );
    } catch (error) {
      run.allure.problem = (error as Error).message;
    }
  }

  reportLink(run: ConformanceRun) {
    const platforms = run.options.selection.platforms;
    return run.allure.page ? { name: `Allure report (${platforms.map((platform) => PLATFORM_LABEL[platform]).join(' + ')}; opens offline)`, path: run.allure.page } : null;
  }
}
