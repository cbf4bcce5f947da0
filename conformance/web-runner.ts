import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProgressEvent } from '../harness/progress.ts';
import { codeFile } from '../harness/code-root.ts';
import { checkGrep } from '../harness/check.ts';
import type { CellResult } from '../harness/result.ts';
import { cellResults, readPlaywrightReport } from '../harness/web/playwright-results.ts';
import { runnerBin } from './runner-bins.ts';
import { runRunner, type RunnerExit } from './runner-process.ts';
import type { WebSelection } from './types.ts';

export interface RunnerRequest {
  /** The checks to run, all of this runner's platform. */
  checks: readonly string[];
  /** This runner's output folder (emptied first). */
  dir: string;
  verbose: boolean;
  onProgress(event: ProgressEvent): void;
}

export interface RunnerOutcome {
  results: CellResult[];
  exit: RunnerExit;
  logFile: string;
  allureResults: string;
}

/**
 * The browser checks through Playwright (the project's playwright.config): one project on the selected
 * subject, or with `selfTest` every bundled variant × profile (the self-test matrix).
 */
export async function runWeb(request: RunnerRequest, web: WebSelection, selfTest = false): Promise<RunnerOutcome> {
  rmSync(request.dir, { recursive: true, force: true });
  const logFile = join(request.dir, 'playwright.log');
  // Each check's test is tagged `@<ID>` (checkTest in harness/web/fixtures.ts): select by tag.
  const grep = checkGrep(request.checks);
  const exit = await runRunner({
    // The project's own config and specs (from the repository, or the installed package).
    command: process.execPath,
    args: [runnerBin('@playwright/test', 'playwright'), 'test', '--config', codeFile('playwright.config'), '--grep', grep],
    env: {
      WEB_REPORTS_DIR: request.dir,
      SELF_TEST: selfTest ? '1' : undefined,
      WEB_SUBJECT: web.subjectModule,
      WEB_VARIANT: web.variant,
      WEB_PROFILE: web.profile,
      WEB_PROFILE_MODULE: web.profileModule,
      JWT_TTL_S: web.timing?.jwtTtlS?.toString(),
      JWT_REFRESH_S: web.timing?.jwtRefreshS?.toString(),
      WEB_URL: web.url,
      WEB_STEPS: web.steps ? resolve(web.steps) : undefined,
      // The variable's name only: the secret stays in the environment the runner inherits.
      WEB_MOCK_SECRET_ENV: web.mockSecretEnv,
      // The conformance run keeps its own view; Playwright's list reporter goes to the log only.
      FORCE_COLOR: '0',
    },
    logFile,
    verbose: request.verbose,
    onProgress: request.onProgress,
  });
  const report = join(request.dir, 'results.json');
  const results = existsSync(report) ? cellResults(readPlaywrightReport(report)) : [];
  return { results, exit, logFile, allureResults: join(request.dir, 'allure-results') };
}
