/**
 * Mobile conformance, shared base (appium-boilerplate's chain: this base → thin per-target configs).
 *
 * By default it runs specs/mobile on the simulated device (IntercomSim, subjects/mobile-sim) for
 * Android and iOS in one run: @wdio/appium-service starts the project's own Appium
 * (node_modules/appium, log in reports/mobile/appium.log), the harness's service
 * (harness/mobile/service) starts one mock Intercom API per capability and attaches each test's
 * evidence, and each capability's spec files run one at a time.
 *
 *   npx wdio run wdio.conf.ts                                   # correct profile, Android + iOS
 *   MOBILE_PROFILE=android-stale-jwt npx wdio run wdio.conf.ts  # a built-in fault profile
 *   MOBILE_PROFILE_MODULE=./my-profile.mjs npx wdio run wdio.conf.ts
 *   MOBILE_PLATFORMS=android npx wdio run wdio.conf.ts
 *
 * Environment: MOBILE_PROFILE (appium:sdkProfile, default correct) or MOBILE_PROFILES (a comma
 * list: one capability per profile × platform, the self-test), MOBILE_PROFILE_MODULE
 * (appium:sdkProfileModule), MOBILE_PLATFORMS (android,ios), MOBILE_WORKERS (parallel sessions,
 * default 2), MOBILE_SELECTORS (selector map JSON), MOBILE_REPORTS_DIR (default reports/mobile:
 * allure-results/, appium.log, results/ with one JSON per worker, mock/ journal spills, wdio-logs/).
 * Real devices: wdio.android.conf.ts, wdio.ios.conf.ts.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { CODE_EXT, CODE_ROOT, PACKAGE_ROOT } from './harness/code-root.ts';
// Only what the launcher needs: the capabilities, and the paths WebdriverIO loads the harness's
// service (launcher and worker sides) and reporter from, each in the process that uses it.
import { simCapabilitiesFromEnv } from './harness/mobile/capabilities.ts';
import { MOBILE_HARNESS_SERVICE, MOBILE_RESULTS_REPORTER } from './harness/mobile/plugin-paths.ts';

// Outputs go under the working directory, whether this config runs from the repository or from
// the installed package.
const REPORTS = resolve(process.env['MOBILE_REPORTS_DIR'] ?? 'reports/mobile');
const resultsDir = resolve(process.env['MOBILE_RESULTS_DIR'] ?? `${REPORTS}/results`);

// Appium's home is the simulated driver's own folder: Appium registers the package at its home
// when it is a driver, so the driver is found with no install step, from the repository and from
// the installed package alike (its manifest cache goes to subjects/mobile-sim/node_modules/.cache).
// The real-device configs put Appium back in project mode for the drivers a team installs.
process.env['APPIUM_HOME'] = join(PACKAGE_ROOT, 'subjects', 'mobile-sim');

/**
 * A loopback port the OS has free now. The Appium service would otherwise prefer 4723 whenever it
 * looks free, so two runs starting at once (test files in parallel, two checkouts on one machine)
 * both take it and the later Appium cannot listen.
 */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('the OS gave no loopback port'))));
    });
  });
}

export const config: WebdriverIO.Config = {
  runner: 'local',
  // The project's own specs: TypeScript in the repository, the compiled ones in the installed package.
  specs: [join(CODE_ROOT, 'specs', 'mobile', '**', `*.spec${CODE_EXT}`)],
  capabilities: simCapabilitiesFromEnv(),
  maxInstances: Number(process.env['MOBILE_WORKERS'] ?? 2),
  // One mock per capability, whose clock a spec moves: a capability's spec files must not overlap.
  maxInstancesPerCapability: 1,
  logLevel: 'warn',
  outputDir: `${REPORTS}/wdio-logs`,
  bail: 0,
  waitforTimeout: 10_000,
  connectionRetryTimeout: 60_000,
  connectionRetryCount: 1,
  framework: 'mocha',
  mochaOpts: { ui: 'bdd', timeout: 120_000 },
  reporters: [
    'spec',
    ['allure', { outputDir: `${REPORTS}/allure-results`, disableWebdriverStepsReporting: true, disableWebdriverScreenshotsReporting: true }],
    [MOBILE_RESULTS_REPORTER, { outputDir: resultsDir }],
  ],
  services: [
    [MOBILE_HARNESS_SERVICE, { spillDir: `${REPORTS}/mock`, resultsDir }],
    [
      'appium',
      {
        // No `command`: the service runs node_modules/appium. `args.log` keeps Appium's whole log
        // (logPath's pipe misses the startup lines).
        args: { address: '127.0.0.1', port: await freeLoopbackPort(), log: `${REPORTS}/appium.log`, logNoColors: true, logLevel: 'info' },
      },
    ],
  ],
  // Each run's report stands alone: the per-worker results and Allure results of the last run only.
  onPrepare() {
    rmSync(resultsDir, { recursive: true, force: true });
    rmSync(`${REPORTS}/allure-results`, { recursive: true, force: true });
  },
};
