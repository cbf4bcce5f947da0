import type { ProgressEvent } from '../../harness/progress.ts';
import { timingLine } from '../app-timing.ts';
import { expectationFor, type ExpectationsLookup } from '../expectations.ts';
import { describeGate, holdsGate, summarizeGate } from '../gate.ts';
import { progressPrinter, useColours } from '../progress-view.ts';
import type { ConformanceRun, RunResult } from '../run-state.ts';
import { PLATFORM_LABEL } from '../types.ts';
import { terminalTable } from '../verdict-table.ts';
import { platformOfCell } from '../verdicts.ts';
import type { ConformanceReporter, RunnerBegin } from './reporter.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * What a person watching the run sees: the header (subjects, expectations, browser), a line per
 * check as it finishes (marked when the expectations list it), then the verdict table, the
 * reports and the gate's one-line headline.
 */
export class TerminalReporter implements ConformanceReporter {
  private printProgress: (event: ProgressEvent) => void = () => {};

  constructor(
    private readonly print: (line: string) => void = (line) => console.log(line),
    private readonly colours = useColours(),
  ) {}

  onBegin(run: ConformanceRun): void {
    const { subjects, expectations, options } = run;
    const { selection } = options;
    this.print(`Identity conformance · ${subjects.map((subject) => `${subject.platforms.map((platform) => PLATFORM_LABEL[platform]).join(' + ')}: ${subject.id}`).join(' · ')}`);
    this.print(
      `expectations: ${expectations.files.length ? `${expectations.files.join(', ')} (${expectations.knownFailures.length} known ${expectations.knownFailures.length === 1 ? 'failure' : 'failures'})` : `none${expectations.notFound.length ? ` (no ${expectations.notFound.join(', ')})` : ''}`}`,
    );
    for (const note of expectations.notes) this.print(`  note: ${note}`);
    const timing = timingLine(selection.web.timing ?? selection.mobile.timing);
    if (timing) this.print(timing);
    if (run.browser) this.print(`browser: ${run.browser}`);
    if (options.repeat > 1) this.print(`repeating the selection ${options.repeat} times`);
    this.printProgress = progressPrinter(
      (event) => {
        const platform = platformOfCell(event.cell);
        return platform ? PLATFORM_LABEL[platform] : event.cell;
      },
      this.colours,
      expectationNote(expectations),
    );
  }

  onRoundBegin(round: number, of: number): void {
    this.print(`\nrepeat ${round}/${of}`);
  }

  onRunnerBegin(runner: RunnerBegin): void {
    this.print(`\n${runner.platforms.map((platform) => PLATFORM_LABEL[platform]).join(' + ')} · ${runner.runner} · ${runner.checks} checks`);
  }

  onProgress(event: ProgressEvent): void {
    this.printProgress(event);
  }

  onEnd(result: RunResult): void {
    const { gate, repeat } = result;
    const problem = result.allure.problem;
    this.print(`\n${terminalTable(gate.verdicts, result.selection.platforms, this.colours)}`);
    if (repeat > 1) {
      this.print(gate.changed.length ? `\nVerdicts that changed between ${repeat} repeats:\n${gate.changed.map((line) => `  ${line}`).join('\n')}` : `\nNo verdict changed across ${repeat} repeats.`);
      gate.runs.forEach((run, index) => {
        if (!summarizeGate(run).ok) this.print(`  repeat ${index + 1}: ${describeGate(summarizeGate(run))}`);
      });
    }
    if (problem) this.print(`\nThe Allure report could not be generated: ${problem}`);
    const nameWidth = Math.max(...result.reports.map((report) => report.name.length));
    this.print(`\nReports:\n${result.reports.map((report) => `  ${report.name.padEnd(nameWidth)}  ${report.path}`).join('\n')}`);
    const headline = gate.holds ? (problem ? 'Conformance gate holds, but the Allure report is missing' : 'Conformance gate holds') : 'Conformance gate FAILS';
    this.print(`\n${headline} · ${gate.verdicts.filter(holdsGate).length}/${gate.verdicts.length} verdicts as expected${repeat > 1 ? ` in every one of ${repeat} repeats` : ''} · wall ${seconds(result.wallMs)}`);
  }
}

/** The progress line's note for a check the expectations list as a known failure. */
function expectationNote(expectations: ExpectationsLookup) {
  return (event: ProgressEvent): string => {
    const platform = platformOfCell(event.cell);
    const known = platform ? expectationFor(expectations.knownFailures, event.check, platform) : null;
    if (!known) return '';
    return event.state === 'failed' ? '(known failure)' : event.state === 'passed' ? '(expected to fail!)' : '';
  };
}
