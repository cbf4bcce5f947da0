import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXIT } from '../harness/exit-codes.ts';
import { ensureBrowser } from './browser-step.ts';
import { resolveExpectations } from './expectations.ts';
import { applyGate, summarizeGate } from './gate.ts';
import { runMobile, SIM_CONFIG } from './mobile-runner.ts';
import { changedVerdicts, worstOfRounds } from './repeats.ts';
import { explainExit } from './runner-process.ts';
import type { ConformanceRun } from './run-state.ts';
import { mobileSubjectId, webSubjectId } from './subject-ids.ts';
import type { Task } from './task-runner.ts';
import type { Platform } from './types.ts';
import { toVerdicts } from './verdicts.ts';
import { runWeb } from './web-runner.ts';

export type RunTask = Task<ConformanceRun>;

/** Input the run cannot work with; the command line reports it and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * The conformance run, task by task. Bad input and a missing browser stop it before the last
 * run's outputs go. A flag that needs something running for the whole run (a proxy, a relay)
 * adds one task here, with a `teardown` that stops it: teardowns run however the run ends.
 */
export function conformanceTasks(run: ConformanceRun): RunTask[] {
  const rounds = Array.from({ length: run.options.repeat }, (_, index) => index + 1);
  return [
    validateInput,
    ...(run.webChecks.length ? [findBrowser] : []),
    prepareOutputs,
    reportBegin,
    ...rounds.flatMap((round) => [beginRound(round), ...(run.webChecks.length ? [runWebChecks] : []), ...(run.mobileChecks.length ? [runMobileChecks] : [])]),
    gate,
    reportGated,
    settle,
    reportEnd,
  ];
}

/** The subjects (loading each checks its variant and profile) and their expectations files. */
export const validateInput: RunTask = {
  title: 'validate input',
  async setup(run) {
    const { selection } = run.options;
    try {
      run.webSubject = run.webChecks.length ? await webSubjectId(selection.web) : '';
      if (run.webChecks.length) run.subjects.push({ id: run.webSubject, platforms: ['web'] });
      run.mobileSubject = run.mobileChecks.length ? mobileSubjectId(selection.mobile) : '';
      if (run.mobileChecks.length) run.subjects.push({ id: run.mobileSubject, platforms: run.mobilePlatforms });
      run.expectations = resolveExpectations(run.options.expectations, run.subjects);
    } catch (error) {
      throw new InputError((error as Error).message);
    }
  },
};

/** The web checks need a Chromium: found, or obtained, or the run stops (exit 4) saying what to install. */
export const findBrowser: RunTask = {
  title: 'find browser',
  async setup(run) {
    const found = await ensureBrowser();
    if (!found.ok) {
      console.error(found.instruction);
      run.exitCode = EXIT.noBrowser;
      return 'stop';
    }
    run.browser = found.browser;
  },
};

/** Everything a previous run wrote goes. */
export const prepareOutputs: RunTask = {
  title: 'prepare outputs',
  setup({ out }) {
    for (const path of Object.values(out)) rmSync(path, { recursive: true, force: true });
    mkdirSync(out.work, { recursive: true });
  },
};

export const reportBegin: RunTask = {
  title: 'report begin',
  setup(run) {
    run.reporter.onBegin(run);
  },
};

/** One repeat of the selection: its own folder (`run-NN/` with --repeat), its own verdicts. */
export function beginRound(round: number): RunTask {
  return {
    title: `round ${round}`,
    setup(run) {
      const { repeat } = run.options;
      const dir = repeat > 1 ? join(run.out.work, `run-${String(round).padStart(2, '0')}`) : run.out.work;
      run.rounds.push({ round, dir, verdicts: [], allureResults: [], logs: [] });
      if (repeat > 1) run.reporter.onRoundBegin(round, repeat);
    },
  };
}

/** The browser checks through Playwright: one verdict per check, an error for a result that never came. */
export const runWebChecks: RunTask = {
  title: 'web checks',
  async setup(run) {
    const round = run.currentRound();
    const { options, reporter } = run;
    reporter.onRunnerBegin({ platforms: ['web'], runner: 'Playwright', checks: run.webChecks.length });
    const web = await runWeb({ checks: run.webChecks, dir: join(round.dir, 'web'), verbose: options.verbose, onProgress: (event) => reporter.onProgress(event) }, options.selection.web);
    round.verdicts.push(...toVerdicts(web.results, run.webChecks, ['web'], run.webSubject, () => explainExit(web.exit, web.logFile)));
    round.allureResults.push({ dir: web.allureResults, platform: 'web' });
    round.logs.push(web.logFile);
  },
};

/**
 * The device checks through WebdriverIO + Appium. A result that never came says why: the first
 * error of that platform's workers (a refused session), else the runner's exit.
 */
export const runMobileChecks: RunTask = {
  title: 'mobile checks',
  async setup(run) {
    const round = run.currentRound();
    const { options, reporter, mobilePlatforms } = run;
    const mobileSelection = options.selection.mobile;
    const device = mobileSelection.config === SIM_CONFIG ? 'simulated device' : mobileSelection.config;
    reporter.onRunnerBegin({ platforms: mobilePlatforms, runner: `WebdriverIO + Appium, ${device}`, checks: run.mobileChecks.length });
    const dir = join(round.dir, 'mobile');
    const mobile = await runMobile({ checks: run.mobileChecks, dir, verbose: options.verbose, onProgress: (event) => reporter.onProgress(event) }, mobileSelection, {
      platforms: mobilePlatforms,
      ...(mobileSelection.timing ? { timing: mobileSelection.timing } : {}),
    });
    const workerError = (platform: Platform): string | undefined =>
      mobile.workers.filter((worker) => worker.platformName.toLowerCase() === platform).flatMap((worker) => worker.errors)[0];
    round.verdicts.push(...toVerdicts(mobile.results, run.mobileChecks, mobilePlatforms, run.mobileSubject, (platform) => workerError(platform) ?? explainExit(mobile.exit, mobile.logFile)));
    round.allureResults.push({ dir: mobile.allureResults });
    round.logs.push(mobile.logFile, join(dir, 'appium.log'));
  },
};

/** Each repeat held to the expectations; one verdict per check × platform, the worst of the repeats. */
export const gate: RunTask = {
  title: 'gate',
  setup(run) {
    const runs = run.rounds.map((round) => applyGate(round.verdicts, run.expectations.knownFailures));
    const verdicts = worstOfRounds(runs);
    const changed = run.options.repeat > 1 ? changedVerdicts(run.rounds.map((round) => round.verdicts)) : [];
    const summary = summarizeGate(verdicts);
    run.gate = { runs, verdicts, changed, summary, holds: summary.ok && changed.length === 0 };
  },
};

/** Outputs the others list (the Allure report) are made now, before the result settles. */
export const reportGated: RunTask = {
  title: 'report gated',
  async setup(run) {
    await run.reporter.onGated(run, run.gated());
  },
};

/** The result every report writes: wall time, exit code and the list of reports. */
export const settle: RunTask = {
  title: 'settle',
  setup(run) {
    const gated = run.gated();
    const { options } = run;
    const wallMs = performance.now() - run.started;
    const logs = (run.rounds.at(-1)?.logs ?? []).map((log) => relative(process.cwd(), log));
    const reports = [
      ...run.reporter.reportLinks(run),
      { name: options.repeat > 1 ? `runner logs (last repeat; all ${options.repeat} under ${run.out.work}/run-NN/)` : 'runner logs', path: logs.join(', ') },
    ];
    // 1 when a verdict is not as expected; 3 when every verdict is, but the report could not be made.
    run.exitCode = !gated.holds ? EXIT.unexpected : run.allure.problem ? EXIT.harnessFailure : EXIT.ok;
    run.result = {
      selection: options.selection,
      repeat: options.repeat,
      reportsDir: options.reportsDir,
      out: run.out,
      startedAt: run.startedAt,
      wallMs,
      exitCode: run.exitCode,
      subjects: run.subjects,
      expectations: run.expectations,
      gate: gated,
      allure: run.allure,
      logs,
      reports,
    };
  },
};

export const reportEnd: RunTask = {
  title: 'report end',
  async setup(run) {
    if (!run.result) throw new Error('the reports were asked for before the settle task ran: put the settle task before it in the task list');
    await run.reporter.onEnd(run.result);
  },
};
