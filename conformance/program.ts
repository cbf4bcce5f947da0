import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { checkedUpstream } from '../harness/live-run.ts';
import { BUNDLED_WEB_SUBJECTS, DEFAULT_WEB_SUBJECT, stepsAppSubjectFile, webSubjectFile } from '../harness/web/subject-loader.ts';
import { MOBILE_PROFILES } from '../specs/mobile/expected-verdicts.ts';
import { secondsArg } from './app-timing.ts';
import { CATALOG, parsePlatforms, platformsInUse, selectChecks } from './check-catalog.ts';
import { mobileConfigFile, SIM_CONFIG } from './mobile-runner.ts';
import { MOBILE_NETWORKS, PLATFORM_LABEL, type MobileNetwork, type Platform, type RunSelection } from './types.ts';

/** The parsed command line, as commander hands it over. */
export interface CliOptions {
  platforms: Platform[];
  checks?: string[];
  expectations?: string[];
  webSubject: string;
  webVariant?: string;
  webProfile?: string;
  webProfileModule?: string;
  webUrl?: string;
  webSteps?: string;
  mockSecretEnv?: string;
  mobileConfig: string;
  mobileProfile?: string;
  mobileProfileModule?: string;
  mobileSelectors?: string;
  mobileSubject?: string;
  network: MobileNetwork;
  jwtTtl?: number;
  jwtRefresh?: number;
  matrix?: boolean;
  repeat: number;
  reports: string;
  allure: boolean;
  verbose?: boolean;
  list?: boolean;
  live?: boolean;
  liveUpstream?: string;
}

const commaList = (value: string): string[] => value.split(',').map((item) => item.trim()).filter(Boolean);

function platformsArg(value: string): Platform[] {
  try {
    return parsePlatforms(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^--platforms: /, ''));
  }
}

function repeatArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError(`"${value}" is not a whole number from 1 to 1000`);
  return n;
}

function upstreamArg(value: string): string {
  try {
    return checkedUpstream(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^--live-upstream: /, ''));
  }
}

function subjectIdArg(value: string): string {
  if (!/^[^@\s/]+@[^@\s/]+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not name@version (e.g. my-app@2.4.1)`);
  return value;
}

const EXAMPLES = `
Examples:
  npm run conformance                                   every check: browser, simulated Android and iOS
  npm run conformance -- --platforms web                the browser checks only
  npm run conformance -- --checks 'MOB-JWT-*' -p android
  npm run conformance -- --mobile-profile android-stale-jwt
                                                        a bundled fault profile: the expectations file
                                                        expectations/intercom-sim+android-stale-jwt@0.1.0.json
                                                        lists its known failure, so the gate holds
  npm run conformance -- -p web --web-subject snippet  a bundled third-party subject by name: Intercom's install
                                                        snippet; also messenger-js-sdk, react-use-intercom@5.8.0,
                                                        react-use-intercom@1.5.2 (reference-web-app is the default)
  npm run conformance -- -p web --web-url http://127.0.0.1:3000/ --web-steps ./intercom.steps.ts
                                                        your own app, running, driven by a steps file (README,
                                                        "Your own app at a URL")
  npm run conformance -- --web-subject ./my-app.subject.ts --expectations expectations/my-app@2.4.1.json
  npm run conformance -- --repeat 10                    run 10 times; report any verdict that changed
  npm run conformance -- --matrix                       the self-test: every bundled fault against every check

Verdicts (the table's cells):
  pass                the check passed, as expected
  FAIL                an oracle found a violation the expectations do not list: the gate fails
  FAIL (known)        a violation listed in an expectations file (reason and link shown): the gate holds
  PASS (unexpected)   listed as a known failure but passed: the bug looks fixed, remove the entry; the gate fails
  ERROR               the check could not judge (crash, timeout, no device): the gate fails

Outputs (the previous run's are removed first): <reports>/conformance.json (verdicts with evidence),
<reports>/conformance.md (the table), <reports>/allure-report/index.html (one Allure report, opens
offline), <reports>/conformance/ (runner logs, Playwright and WDIO output, Appium log).

Exit code: 0 when every verdict is as expected, 1 when any is not, 2 on bad input, 3 when the
harness itself failed (a runner could not start, the Allure report could not be written), 4 when
the web checks have no browser and none could be obtained (the line printed says what to install).

Browser: the web checks run in Playwright's Chromium where installed, else the system's
(CHROMIUM_PATH overrides). With none, the run obtains one first: Playwright's download
(PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 skips it), else, as root on Debian/Ubuntu, apt-get install
chromium. npm run setup:browser does only that step.
Checks: run with --list to see them.

In your own repository (npm install --save-dev intercom-identity-conformance), the same flags:
  npx intercom-identity-conformance [options]
  npx intercom-identity-conformance init      writes a starter web subject, expectations/ and a CI workflow`;

/** The `npm run conformance` command line (commander). */
export function conformanceProgram(): Command {
  return new Command('conformance')
    .usage('[options]   (through npm: npm run conformance -- [options])')
    .description(
      'Runs the Intercom Messenger identity conformance checks (no prior-user data survives logout; refreshed JWTs are actually sent) ' +
        'against the embedded default (a mock Intercom API, the bundled reference web app and messenger, and a simulated Android and ' +
        'iOS device) or against your own subject, prints a verdict per check × platform, and fails on anything the expectations do not predict.',
    )
    .addOption(new Option('-p, --platforms <list>', 'platforms to run, comma-separated: web, android, ios').default(['web', 'android', 'ios'], 'web,android,ios').argParser(platformsArg))
    .addOption(new Option('-c, --checks <list>', "checks to run by ID or glob, comma-separated (e.g. WEB-LOGOUT-01,'MOB-JWT-*'); default all").argParser(commaList))
    .addOption(new Option('-e, --expectations <files>', 'expectations files, comma-separated; default expectations/<subject>@<version>.json of each subject that runs').argParser(commaList))
    .addOption(
      new Option('--web-subject <name|module>', `web subject: a bundled one by name (${Object.keys(BUNDLED_WEB_SUBJECTS).join(', ')}), or a module whose default export is a WebSubject`)
        .env('WEB_SUBJECT')
        .default(DEFAULT_WEB_SUBJECT, 'reference-web-app'),
    )
    .addOption(new Option('--web-url <url>', 'your own web app, running at this URL (with --web-steps): no WebSubject class needed'))
    .addOption(new Option('--web-steps <file>', 'steps file (TS or JS) saying how to sign in, sign out and refresh the JWT in the app at --web-url'))
    .addOption(new Option('--mock-secret-env <VAR>', "the environment variable holding the identity-verification secret your app signs its JWTs with; the browser checks' mock verifies with it (default: the mock's own secret)"))
    .addOption(new Option('--web-variant <name>', 'variant of the web subject (bundled: correct, logout-reload-only, spa-no-shutdown, refresh-not-forwarded)').env('WEB_VARIANT'))
    .addOption(new Option('--web-profile <name>', 'messenger profile (bundled: correct, queued-shutdown-noop, keeps-settings, update-ignores-jwt, cache-survives-shutdown)').env('WEB_PROFILE'))
    .addOption(new Option('--web-profile-module <file>', 'messenger profile from a module of your own').env('WEB_PROFILE_MODULE'))
    .addOption(
      new Option(
        '--mobile-config <file>',
        `WDIO config: ${SIM_CONFIG} (the simulated device, Android and iOS), or for one real device wdio.android.conf.ts (UiAutomator2) with --platforms android, wdio.ios.conf.ts (XCUITest) with --platforms ios`,
      ).default(SIM_CONFIG),
    )
    .addOption(new Option('--mobile-profile <name>', `profile of the simulated SDK (${MOBILE_PROFILES.join(', ')})`).env('MOBILE_PROFILE'))
    .addOption(new Option('--mobile-profile-module <file>', 'SDK profile from a module of your own (simulated device)').env('MOBILE_PROFILE_MODULE'))
    .addOption(new Option('--mobile-selectors <file>', "selector map (JSON) for your app's screens").env('MOBILE_SELECTORS'))
    .addOption(new Option('--mobile-subject <name@version>', 'names a real app (or its SDK version) for its expectations file').argParser(subjectIdArg))
    .addOption(
      new Option('--network <mode>', 'how the simulated device reaches the mock: direct, or proxy (HTTPS to Intercom\'s host through the recording proxy, trusting only the run\'s CA)')
        .choices(MOBILE_NETWORKS)
        .default('direct'),
    )
    .addOption(new Option('--jwt-ttl <s>', "lifetime of the JWTs the app's backend mints, in seconds (bundled apps: 300; written into the subject id)").argParser(secondsArg))
    .addOption(new Option('--jwt-refresh <s>', 'how often the app refreshes its JWT, in seconds (bundled apps: 240; written into the subject id)').argParser(secondsArg))
    .option('--live', 'live mode: Intercom traffic goes to a real test workspace, journaled on the way (needs INTERCOM_IDENTITY_SECRET and INTERCOM_ACCESS_TOKEN; docs/live-mode.md)')
    .addOption(new Option('--live-upstream <url>', 'with --live: a stand-in for Intercom (its messenger API and REST API), e.g. a second mock: http://127.0.0.1:4999').argParser(upstreamArg))
    .option('--matrix', 'run the self-test matrix instead: every bundled fault profile against every check, as a kill table')
    .addOption(new Option('--repeat <n>', 'run the selection n times and report every verdict that changed between runs').default(1).argParser(repeatArg))
    .option('--reports <dir>', 'where outputs go', 'reports')
    .option('--no-allure', 'skip the merged Allure report (saves a few seconds)')
    .option('--verbose', "stream the runners' own output (Playwright, WDIO) too")
    .option('--list', 'list the checks (ID, platforms, title) and exit')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
}

const MATRIX_IGNORES: [keyof CliOptions, string][] = [
  ['checks', '--checks'],
  ['expectations', '--expectations'],
  ['webVariant', '--web-variant'],
  ['webProfile', '--web-profile'],
  ['webProfileModule', '--web-profile-module'],
  ['webUrl', '--web-url'],
  ['webSteps', '--web-steps'],
  ['mockSecretEnv', '--mock-secret-env'],
  ['mobileProfile', '--mobile-profile'],
  ['mobileProfileModule', '--mobile-profile-module'],
  ['mobileSelectors', '--mobile-selectors'],
  ['mobileSubject', '--mobile-subject'],
  ['jwtTtl', '--jwt-ttl'],
  ['jwtRefresh', '--jwt-refresh'],
  ['live', '--live'],
  ['liveUpstream', '--live-upstream'],
];

/** The known real-device configs and the one platform each drives. */
const REAL_DEVICE_PLATFORM: Record<string, Platform> = { 'wdio.android.conf.ts': 'android', 'wdio.ios.conf.ts': 'ios' };

/**
 * What a run was asked to do, checked before anything runs or any earlier output is touched:
 * unknown checks, missing files, contradictions and combinations that cannot work are errors.
 */
export function runSelection(options: CliOptions): RunSelection {
  const mobileConfig = resolve(options.mobileConfig) === resolve(SIM_CONFIG) ? SIM_CONFIG : options.mobileConfig;
  if (options.matrix) {
    if (options.repeat > 1) throw new Error('--repeat applies to a conformance run, not to --matrix');
    const given = MATRIX_IGNORES.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
    if (mobileConfig !== SIM_CONFIG) given.push('--mobile-config');
    if (options.network !== 'direct') given.push('--network');
    if (given.length) throw new Error(`--matrix runs every bundled profile against every check; it takes no ${given.join(', ')} (only --platforms, --web-subject, --reports, --verbose)`);
  }
  if (options.liveUpstream !== undefined && !options.live) throw new Error('--live-upstream needs --live: it names the stand-in live mode relays to');
  if (options.webUrl !== undefined && options.webSteps === undefined) throw new Error('--web-url needs --web-steps <file>: the steps that sign in to and out of your app');
  if (options.webSteps !== undefined && options.webUrl === undefined) throw new Error('--web-steps needs --web-url <url>: where your app is running');
  if (options.webUrl !== undefined && options.webSubject !== DEFAULT_WEB_SUBJECT) throw new Error(`--web-url and --web-subject ${options.webSubject}: give one of them (--web-url runs your app through its steps file)`);
  if (options.mockSecretEnv !== undefined) {
    const name = options.mockSecretEnv;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`--mock-secret-env: "${name}" is not an environment variable name (give the name, not the secret)`);
    if (!process.env[name]) throw new Error(`--mock-secret-env: ${name} is not set (or empty) in this environment; export the secret your app signs its JWTs with as ${name}`);
  }
  try {
    webSubjectFile(options.webSubject);
  } catch (error) {
    throw new Error(`--web-subject: ${(error as Error).message}`);
  }
  if (options.checks && options.checks.length === 0) throw new Error('--checks: give at least one check ID or glob (--list shows them)');
  const files: [string | undefined, string][] = [
    [mobileConfigFile(mobileConfig), '--mobile-config'],
    [options.mobileSelectors, '--mobile-selectors'],
    [options.mobileProfileModule, '--mobile-profile-module'],
    [options.webProfileModule, '--web-profile-module'],
    [options.webSteps, '--web-steps'],
  ];
  for (const [file, flag] of files) if (file && !existsSync(file)) throw new Error(`${flag}: ${file} does not exist`);
  if (options.webProfile && options.webProfileModule) throw new Error('--web-profile and --web-profile-module: give one of them');
  if (options.mobileProfile && options.mobileProfileModule) throw new Error('--mobile-profile and --mobile-profile-module: give one of them');
  const checks = selectChecks(options.checks, options.platforms);
  const platforms = platformsInUse(checks, options.platforms);
  if (mobileConfig !== SIM_CONFIG) {
    if (options.network !== 'direct') throw new Error(`--network ${options.network} sets up the simulated device's network; ${mobileConfig} runs a real device`);
    if (options.mobileProfile || options.mobileProfileModule) {
      throw new Error(`--mobile-profile and --mobile-profile-module choose a profile of the simulated SDK; ${mobileConfig} runs a real app`);
    }
    if ((options.jwtTtl !== undefined || options.jwtRefresh !== undefined) && !platforms.includes('web')) {
      throw new Error(`--jwt-ttl and --jwt-refresh set the timing of the bundled apps; ${mobileConfig} runs a real app, whose timing is its own`);
    }
    const mobile = platforms.filter((platform) => platform !== 'web');
    const drives = REAL_DEVICE_PLATFORM[basename(mobileConfig)];
    if (mobile.length > 1 || (drives && mobile.length === 1 && mobile[0] !== drives)) {
      const which = drives ? `--platforms ${drives}` : '--platforms android or --platforms ios';
      throw new Error(`--mobile-config ${mobileConfig} drives one ${drives ? PLATFORM_LABEL[drives] : 'real'} device; choose it with ${which} (add web to run the browser checks too)`);
    }
  }
  const timing = options.jwtTtl === undefined && options.jwtRefresh === undefined ? undefined : { jwtTtlS: options.jwtTtl, jwtRefreshS: options.jwtRefresh };
  return {
    platforms,
    checks,
    web: {
      subjectModule: options.webUrl ? stepsAppSubjectFile() : options.webSubject,
      variant: options.webVariant,
      profile: options.webProfile,
      profileModule: options.webProfileModule,
      ...(options.webUrl && options.webSteps ? { url: options.webUrl, steps: options.webSteps } : {}),
      ...(options.mockSecretEnv ? { mockSecretEnv: options.mockSecretEnv } : {}),
      timing,
    },
    mobile: { config: mobileConfig, profile: options.mobileProfile, profileModule: options.mobileProfileModule, selectors: options.mobileSelectors, subjectId: options.mobileSubject, network: options.network, timing },
  };
}

export function checkList(): string {
  const width = Math.max(...CATALOG.map((entry) => entry.check.id.length));
  return CATALOG.map((entry) => `${entry.check.id.padEnd(width)}  ${entry.platforms.map((platform) => PLATFORM_LABEL[platform]).join(', ').padEnd(12)}  ${entry.check.title}`).join('\n');
}
