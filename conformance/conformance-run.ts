import { AllureReporter } from './reporters/allure-reporter.ts';
import { JsonReporter } from './reporters/json-reporter.ts';
import { MarkdownReporter } from './reporters/markdown-reporter.ts';
import { Reporters, type ConformanceReporter } from './reporters/reporter.ts';
import { TerminalReporter } from './reporters/terminal-reporter.ts';
import { conformanceTasks } from './run-tasks.ts';
import { ConformanceRun, type ConformanceOptions } from './run-state.ts';
import { runTasks } from './task-runner.ts';
import type { GatedResult } from './types.ts';

export { InputError } from './run-tasks.ts';
export { outputPaths, type ConformanceOptions } from './run-state.ts';

export interface ConformanceOutcome {
  exitCode: number;
  verdicts: GatedResult[];
  changed: string[];
}

/**
 * The run's outputs, in the order the list of reports names them: conformance.json,
 * conformance.md, the Allure report (unless --no-allure), and the terminal, which prints last.
 */
export function conformanceReporters(options: ConformanceOptions): ConformanceReporter[] {
  return [new JsonReporter(), new MarkdownReporter(), ...(options.allure ? [new AllureReporter()] : []), new TerminalReporter()];
}

/**
 * The conformance run: the selected checks on the selected platforms (browser through Playwright,
 * devices through WebdriverIO + Appium), live progress, one verdict per check × platform held to
 * the expectations, the verdict table, `conformance.json`, `conformance.md` and one merged Allure
 * report. Everything a previous run wrote is removed first. Exit code 1 on anything unexpected.
 * The steps are the tasks of run-tasks.ts; the outputs are the reporters of reporters/.
 */
export async function runConformance(options: ConformanceOptions, reporters: readonly ConformanceReporter[] = conformanceReporters(options)): Promise<ConformanceOutcome> {
  const run = new ConformanceRun(options, new Reporters(reporters));
  await runTasks(run, conformanceTasks(run));
  if (run.exitCode === null) throw new Error('the conformance run ended without an exit code: its task list has no settle task');
  return { exitCode: run.exitCode, verdicts: run.gate?.verdicts ?? [], changed: run.gate?.changed ?? [] };
}
