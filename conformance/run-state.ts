import { join } from 'node:path';
import type { AllureResultsDir } from './allure-annotations.ts';
import { catalogEntry } from './check-catalog.ts';
import type { ExpectationsLookup } from './expectations.ts';
import type { GateSummary } from './gate.ts';
import type { Reporters } from './reporters/reporter.ts';
import type { CheckResult, GatedResult, Platform, RunSelection, SubjectId } from './types.ts';

export interface ConformanceOptions {
  selection: RunSelection;
  /** Expectations files; when absent, `expectations/<subject>.json` of each subject that runs. */
  expectations: string[] | undefined;
  reportsDir: string;
  repeat: number;
  allure: boolean;
  verbose: boolean;
}

export type OutputPaths = ReturnType<typeof outputPaths>;

/** What a run writes: the two report files, the Allure report, and the runners' own outputs. */
export function outputPaths(reportsDir: string) {
  return {
    json: join(reportsDir, 'conformance.json'),
    markdown: join(reportsDir, 'conformance.md'),
    allure: join(reportsDir, 'allure-report'),
    work: join(reportsDir, 'conformance'),
  };
}

/** What one repeat of the selection produced: its verdicts before the gate, and where the runners wrote. */
export interface RoundOutput {
  /** 1-based. */
  round: number;
  /** The round's folder: the work folder, or `run-NN/` under it with --repeat. */
  dir: string;
  verdicts: CheckResult[];
  allureResults: AllureResultsDir[];
  logs: string[];
}

/** The verdicts held to the expectations, over every repeat. */
export interface RunGate {
  /** Each repeat's verdicts, gated. */
  runs: GatedResult[][];
  /** One per check × platform: the worst of the repeats. */
  verdicts: GatedResult[];
  /** With --repeat: one line per verdict that changed between repeats. */
  changed: string[];
  summary: GateSummary;
  /** Every verdict as expected, and none changed between repeats. */
  holds: boolean;
}

/** A report a run wrote, as the Markdown file and the terminal list it. */
export interface ReportLink {
  name: string;
  path: string;
}

/** The merged Allure report: its entry page when it was made, or why it could not be. */
export interface AllureOutcome {
  page: string | null;
  problem: string | null;
}

/** The settled run every reporter's `onEnd` reads: gate, exit code, wall time and where each report is. */
export interface RunResult {
  selection: RunSelection;
  repeat: number;
  reportsDir: string;
  out: OutputPaths;
  startedAt: string;
  wallMs: number;
  exitCode: number;
  subjects: SubjectId[];
  expectations: ExpectationsLookup;
  gate: RunGate;
  allure: AllureOutcome;
  /** The runners' logs of the last repeat, relative to the working directory. */
  logs: string[];
  reports: ReportLink[];
}

const NO_EXPECTATIONS: ExpectationsLookup = { files: [], notFound: [], knownFailures: [], notes: [] };

/**
 * The state of one conformance run, which its tasks fill in turn (as Playwright's `TestRun`):
 * the selection split by runner, the subjects and expectations once the input is checked, each
 * repeat's verdicts, the gate, and the settled result the reporters write out.
 */
export class ConformanceRun {
  readonly started = performance.now();
  readonly startedAt = new Date().toISOString();
  readonly out: OutputPaths;
  readonly webChecks: string[];
  readonly mobilePlatforms: Platform[];
  readonly mobileChecks: string[];

  subjects: SubjectId[] = [];
  webSubject = '';
  mobileSubject = '';
  expectations: ExpectationsLookup = NO_EXPECTATIONS;
  /** The browser the web checks run in, once found. */
  browser = '';
  readonly rounds: RoundOutput[] = [];
  gate: RunGate | null = null;
  allure: AllureOutcome = { page: null, problem: null };
  result: RunResult | null = null;
  /** Set by the task that ends the run, or stops it early (no browser). */
  exitCode: number | null = null;

  constructor(
    readonly options: ConformanceOptions,
    readonly reporter: Reporters,
  ) {
    const { selection } = options;
    const runsOn = (platform: Platform) => (id: string) => catalogEntry(id)!.platforms.includes(platform);
    this.out = outputPaths(options.reportsDir);
    this.webChecks = selection.platforms.includes('web') ? selection.checks.filter(runsOn('web')) : [];
    this.mobilePlatforms = selection.platforms.filter((platform) => platform !== 'web');
    this.mobileChecks = this.mobilePlatforms.length ? selection.checks.filter(runsOn('android')) : [];
  }

  /** The round the runners are filling now. */
  currentRound(): RoundOutput {
    const round = this.rounds.at(-1);
    if (!round) throw new Error('a runner task ran before any round began: put a round task before it in the task list');
    return round;
  }

  /** The gate, once the gate task has run. */
  gated(): RunGate {
    if (!this.gate) throw new Error('the verdicts were read before the gate task ran: put the gate task before it in the task list');
    return this.gate;
  }
}
