import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ProgressEvent } from '../harness/progress.ts';
import { annotateAllureResults, type AllureResultsDir } from './allure-annotations.ts';
import { generateAllureReport } from './allure-report.ts';
import { EXIT } from '../harness/exit-codes.ts';
import { ensureBrowser } from './browser-step.ts';
import { catalogEntry } from './check-catalog.ts';
import { expectationFor, resolveExpectations, type ExpectationsLookup } from './expectations.ts';
import { applyGate, describeGate, holdsGate, summarizeGate } from './gate.ts';
import { runMobile, SIM_CONFIG } from './mobile-runner.ts';
import { progressPrinter, useColours } from './progress-view.ts';
import { changedVerdicts, worstOfRounds } from './repeats.ts';
import { explainExit } from './runner-process.ts';
import { timingLine } from './app-timing.ts';
import { mobileSubjectId, webSubjectId } from './subject-ids.ts';
import { PLATFORM_LABEL, type CheckResult, type GatedResult, type Platform, type RunSelection, type SubjectId } from './types.ts';
import { markdownReport, terminalTable } from './verdict-table.ts';
import { platformOfCell, toVerdicts } from './verdicts.ts';
import { runWeb } from './web-runner.ts';

export interface ConformanceOptions {
  selection: RunSelection;
  /** Expectations files; when absent, `expectations/<subject>.json` of each subject that runs. */
  expectations: string[] | undefined;
  reportsDir: string;
  repeat: number;
  allure: boolean;
  verbose: boolean;
}

/** Input the run cannot work with; the command line reports it and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface ConformanceOutcome {
  exitCode: number;
  verdicts: GatedResult[];
  changed: string[];
}

/** What a run writes: the two report files, the Allure report, and the runners' own outputs. */
export function outputPaths(reportsDir: string) {
  return {
    json: join(reportsDir, 'conformance.json'),
    markdown: join(reportsDir, 'conformance.md'),
    allure: join(reportsDir, 'allure-report'),
    work: join(reportsDir, 'conformance'),
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The conformance run: the selected checks on the selected platforms (browser through Playwright,
 * devices through WebdriverIO + Appium), live progress, one verdict per check × platform held to
 * the expectations, the verdict table, `conformance.json`, `conformance.md` and one merged Allure
 * report. Everything a previous run wrote is removed first. Exit code 1 on anything unexpected.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceOutcome> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const colours = useColours();
  const { selection } = options;
  const out = outputPaths(options.reportsDir);

  const runsOn = (platform: Platform) => (id: string) => catalogEntry(id)!.platforms.includes(platform);
  const webChecks = selection.platforms.includes('web') ? selection.checks.filter(runsOn('web')) : [];
  const mobilePlatforms = selection.platforms.filter((platform) => platform !== 'web');
  const mobileChecks = mobilePlatforms.length ? selection.checks.filter(runsOn('android')) : [];

  // Bad input (a subject, a profile, an expectations file) is found before the last run's outputs go.
  const subjects: SubjectId[] = [];
  let webId = '';
  let mobileId = '';
  let expectations: ExpectationsLookup;
  try {
    webId = webChecks.length ? await webSubjectId(selection.web) : '';
    if (webChecks.length) subjects.push({ id: webId, platforms: ['web'] });
    mobileId = mobileChecks.length ? mobileSubjectId(selection.mobile) : '';
    if (mobileChecks.length) subjects.push({ id: mobileId, platforms: mobilePlatforms });
    expectations = resolveExpectations(options.expectations, subjects);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  // Like bad input, a missing browser stops the run before the last run's outputs go.
  let browser = '';
  if (webChecks.length) {
    const found = await ensureBrowser();
    if (!found.ok) {
      console.error(found.instruction);
      return { exitCode: EXIT.noBrowser, verdicts: [], changed: [] };
    }
    browser = found.browser;
  }
  for (const path of Object.values(out)) rmSync(path, { recursive: true, force: true });
  mkdirSync(out.work, { recursive: true });

  console.log(`Identity conformance · ${subjects.map((subject) => `${subject.platforms.map((platform) => PLATFORM_LABEL[platform]).join(' + ')}: ${subject.id}`).join(' · ')}`);
  console.log(
    `expectations: ${expectations.files.length ? `${expectations.files.join(', ')} (${expectations.knownFailures.length} known ${expectations.knownFailures.length === 1 ? 'failure' : 'failures'})` : `none${expectations.notFound.length ? ` (no ${expectations.notFound.join(', ')})` : ''}`}`,
  );
  for (const note of expectations.notes) console.log(`  note: ${note}`);
  const timing = timingLine(selection.web.timing ?? selection.mobile.timing);
  if (timing) console.log(timing);
  if (browser) console.log(`browser: ${browser}`);
  if (options.repeat > 1) console.log(`repeating the selection ${options.repeat} times`);

  const annotate = (event: ProgressEvent): string => {
    const platform = platformOfCell(event.cell);
    const known = platform ? expectationFor(expectations.knownFailures, event.check, platform) : null;
    if (!known) return '';
    return event.state === 'failed' ? '(known failure)' : event.state === 'passed' ? '(expected to fail!)' : '';
  };
  const onProgress = progressPrinter(
    (event) => {
      const platform = platformOfCell(event.cell);
      return platform ? PLATFORM_LABEL[platform] : event.cell;
    },
    colours,
    annotate,
  );

  const runs: CheckResult[][] = [];
  const allureDirs: AllureResultsDir[][] = [];
  let logs: string[] = [];
  for (let round = 1; round <= options.repeat; round++) {
    logs = [];
    const roundDir = options.repeat > 1 ? join(out.work, `run-${String(round).padStart(2, '0')}`) : out.work;
    if (options.repeat > 1) console.log(`\nrepeat ${round}/${options.repeat}`);
    const verdicts: CheckResult[] = [];
    const roundAllure: AllureResultsDir[] = [];
    allureDirs.push(roundAllure);
    if (webChecks.length) {
      console.log(`\nweb · Playwright · ${webChecks.length} checks`);
      const web = await runWeb({ checks: webChecks, dir: join(roundDir, 'web'), verbose: options.verbose, onProgress }, selection.web);
      verdicts.push(...toVerdicts(web.results, webChecks, ['web'], webId, () => explainExit(web.exit, web.logFile)));
      roundAllure.push({ dir: web.allureResults, platform: 'web' });
      logs.push(web.logFile);
    }
    if (mobileChecks.length) {
      const device = selection.mobile.config === SIM_CONFIG ? 'simulated device' : selection.mobile.config;
      console.log(`\n${mobilePlatforms.map((platform) => PLATFORM_LABEL[platform]).join(' + ')} · WebdriverIO + Appium, ${device} · ${mobileChecks.length} checks`);
      const mobile = await runMobile({ checks: mobileChecks, dir: join(roundDir, 'mobile'), verbose: options.verbose, onProgress }, selection.mobile, { platforms: mobilePlatforms, ...(selection.mobile.timing ? { timing: selection.mobile.timing } : {}) });
      const workerError = (platform: Platform): string | undefined =>
        mobile.workers.filter((worker) => worker.platformName.toLowerCase() === platform).flatMap((worker) => worker.errors)[0];
      verdicts.push(...toVerdicts(mobile.results, mobileChecks, mobilePlatforms, mobileId, (platform) => workerError(platform) ?? explainExit(mobile.exit, mobile.logFile)));
      roundAllure.push({ dir: mobile.allureResults });
      logs.push(mobile.logFile, join(roundDir, 'mobile', 'appium.log'));
    }
    runs.push(verdicts);
  }

  const gatedRuns = runs.map((run) => applyGate(run, expectations.knownFailures));
  const verdicts = worstOfRounds(gatedRuns);
  const changed = options.repeat > 1 ? changedVerdicts(runs) : [];
  const summary = summarizeGate(verdicts);
  const gateHolds = summary.ok && changed.length === 0;

  let allurePage: string | null = null;
  let allureProblem: string | null = null;
  if (options.allure) {
    try {
      // Verdicts no runner reported on get results of their own, one folder per round.
      const missingDirs = gatedRuns.map((run, round) => {
        const dir = join(out.work, options.repeat > 1 ? `run-${String(round + 1).padStart(2, '0')}` : '', 'allure-results-without-runner');
        annotateAllureResults(allureDirs[round]!, run, dir);
        return dir;
      });
      allurePage = await generateAllureReport(
        [...allureDirs.flat().map((entry) => entry.dir), ...missingDirs],
        out.allure,
        out.work,
        {
          subjects: subjects.map((subject) => `${subject.id} (${subject.platforms.map((platform) => PLATFORM_LABEL[platform]).join(', ')})`).join('; '),
          expectations: expectations.files.join(', ') || 'none',
          gate: describeGate(summary),
          ...(options.repeat > 1 ? { repeats: `${options.repeat} (${changed.length} verdicts changed)` } : {}),
        },
      );
    } catch (error) {
      allureProblem = (error as Error).message;
    }
  }
  const wallMs = performance.now() - started;
  const shownPlatforms = selection.platforms;
  const reports = [
    { name: 'verdicts (JSON)', path: out.json },
    { name: 'verdict table (Markdown)', path: out.markdown },
    ...(allurePage ? [{ name: `Allure report (${shownPlatforms.map((platform) => PLATFORM_LABEL[platform]).join(' + ')}; opens offline)`, path: allurePage }] : []),
    { name: options.repeat > 1 ? `runner logs (last repeat; all ${options.repeat} under ${out.work}/run-NN/)` : 'runner logs', path: logs.map((log) => relative(process.cwd(), log)).join(', ') },
  ];
  // 1 when a verdict is not as expected; 3 when every verdict is, but the report could not be made.
  const exitCode = !gateHolds ? EXIT.unexpected : allureProblem ? EXIT.harnessFailure : EXIT.ok;

  writeFileSync(
    out.json,
    `${JSON.stringify(
      {
        started_at: startedAt,
        wall_ms: Math.round(wallMs),
        ok: exitCode === 0,
        exit_code: exitCode,
        gate: { ok: gateHolds, passed: summary.passed, known_failures: summary.knownFailures, unexpected_failures: summary.unexpectedFailures, unexpected_passes: summary.unexpectedPasses, errors: summary.errors },
        repeats: options.repeat,
        selection,
        subjects,
        expectations: { files: expectations.files, not_found: expectations.notFound, notes: expectations.notes, known_failures: expectations.knownFailures },
        verdicts: verdicts.map((verdict) => jsonVerdict(verdict)),
        ...(options.repeat > 1 ? { changed, runs: gatedRuns.map((run) => run.map((result) => ({ check: result.check, platform: result.platform, outcome: result.verdict, gate: result.outcome, reason: result.reason }))) } : {}),
        reports: { json: out.json, markdown: out.markdown, allure: allurePage, logs: logs.map((log) => relative(process.cwd(), log)) },
        ...(allureProblem ? { allure_error: allureProblem } : {}),
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(out.markdown, markdownReport(verdicts, shownPlatforms, { subjects: subjects.map((subject) => subject.id), expectations: expectations.files, startedAt, wallMs, reports, repeats: options.repeat, changed, problems: allureProblem ? [`the Allure report could not be generated: ${allureProblem}`] : [], dir: options.reportsDir }));

  console.log(`\n${terminalTable(verdicts, shownPlatforms, colours)}`);
  if (options.repeat > 1) {
    console.log(changed.length ? `\nVerdicts that changed between ${options.repeat} repeats:\n${changed.map((line) => `  ${line}`).join('\n')}` : `\nNo verdict changed across ${options.repeat} repeats.`);
    gatedRuns.forEach((run, index) => {
      if (!summarizeGate(run).ok) console.log(`  repeat ${index + 1}: ${describeGate(summarizeGate(run))}`);
    });
  }
  if (allureProblem) console.log(`\nThe Allure report could not be generated: ${allureProblem}`);
  const nameWidth = Math.max(...reports.map((report) => report.name.length));
  console.log(`\nReports:\n${reports.map((report) => `  ${report.name.padEnd(nameWidth)}  ${report.path}`).join('\n')}`);
  const headline = gateHolds ? (allureProblem ? 'Conformance gate holds, but the Allure report is missing' : 'Conformance gate holds') : 'Conformance gate FAILS';
  console.log(`\n${headline} · ${verdicts.filter(holdsGate).length}/${verdicts.length} verdicts as expected${options.repeat > 1 ? ` in every one of ${options.repeat} repeats` : ''} · wall ${seconds(wallMs)}`);
  return { exitCode, verdicts, changed };
}

/** The JSON keeps the field names .ci/run and teams read: `outcome` is the verdict, `gate` the outcome (harness/result.ts). */
function jsonVerdict(result: GatedResult) {
  return {
    check: result.check,
    title: catalogEntry(result.check)?.check.title,
    platform: result.platform,
    subject: result.subject,
    outcome: result.verdict,
    gate: result.outcome,
    reason: result.reason,
    expected: result.expected ? { reason: result.expected.reason, link: result.expected.link, file: result.expected.file } : null,
    duration_ms: result.durationMs,
    cause: result.cause,
    details: result.details,
    evidence: result.evidence.map((file) => ({ name: file.name, path: relative(process.cwd(), file.path) })),
  };
}
