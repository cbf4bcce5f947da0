import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { codeFile } from './harness/code-root.ts';
import type { WebWorkerOptions } from './harness/web/fixtures.ts';
import { chromiumLaunchOptions } from './harness/web/browser.ts';
import { WEB_SELF_TEST_CELLS } from './specs/web/expected-verdicts.ts';

/**
 * Browser conformance. By default one project runs the checks against the subject chosen by
 * WEB_SUBJECT / WEB_VARIANT / WEB_PROFILE (the bundled reference app with the correct messenger).
 * With SELF_TEST=1 every cell of specs/web/expected-verdicts.ts becomes a project: the self-test matrix.
 */
const selfTest = process.env['SELF_TEST'] === '1';
// Outputs go under the working directory (Playwright would put relative ones beside this config,
// which, installed as a package, is in node_modules).
const reports = resolve(process.env['WEB_REPORTS_DIR'] ?? 'reports/web');

const projects = selfTest
  ? WEB_SELF_TEST_CELLS.map((cell) => ({
      name: cell.name,
      use: {
        webVariant: cell.variant,
        webProfile: cell.profile,
        ...(cell.subject ? { webSubject: cell.subject } : {}),
        ...(cell.jwtTtlS ? { jwtTtlS: cell.jwtTtlS } : {}),
        ...(cell.jwtRefreshS ? { jwtRefreshS: cell.jwtRefreshS } : {}),
        ...(cell.latencyMs ? { webLatencyMs: cell.latencyMs } : {}),
      },
    }))
  : [{ name: 'web' }];

export default defineConfig<WebWorkerOptions>({
  testDir: 'specs/web',
  outputDir: `${reports}/test-output`,
  fullyParallel: true,
  workers: Number(process.env['WEB_WORKERS'] ?? 2),
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  timeout: 60_000,
  reporter: [
    [process.env['CI'] ? 'dot' : 'list'],
    [codeFile('harness/web/progress-reporter')],
    ['json', { outputFile: `${reports}/results.json` }],
    ['allure-playwright', { resultsDir: `${reports}/allure-results`, detail: false }],
  ],
  use: {
    launchOptions: chromiumLaunchOptions(),
    // Traces cost a third of the matrix's time; the conformance run keeps them for failures.
    trace: selfTest ? 'off' : 'retain-on-failure',
  },
  projects,
});
