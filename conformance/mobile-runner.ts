import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CODE_EXT, CODE_ROOT, codeFile } from '../harness/code-root.ts';
import { cellResults, readWorkerResults, type WorkerResults } from '../harness/mobile/worker-results.ts';
import { CATALOG, catalogEntry } from './check-catalog.ts';
import { runnerBin } from './runner-bins.ts';
import { runRunner } from './runner-process.ts';
import type { MobileSelection, Platform } from './types.ts';
import type { RunnerOutcome, RunnerRequest } from './web-runner.ts';

export const SIM_CONFIG = 'wdio.conf.ts';
const MOBILE_SPECS = join(CODE_ROOT, 'specs', 'mobile');
/** The WDIO configs the project ships: the simulated device and the two real-device ones. */
const BUNDLED_CONFIGS = [SIM_CONFIG, 'wdio.android.conf.ts', 'wdio.ios.conf.ts'];

/**
 * The file of a --mobile-config: the simulated device's is always the project's own; another is
 * the working directory's file when it has one, else, for a name the project ships
 * (wdio.android.conf.ts, wdio.ios.conf.ts), the project's own.
 */
export function mobileConfigFile(config: string): string {
  if (config === SIM_CONFIG) return codeFile('wdio.conf');
  if (existsSync(config)) return config;
  const name = basename(config);
  return BUNDLED_CONFIGS.includes(name) && config === name ? codeFile(name.replace(/\.ts$/, '')) : config;
}

export interface MobileRunOptions {
  platforms: readonly Platform[];
  /** Several built-in profiles at once (the self-test); else the selection's profile. */
  profiles?: readonly string[];
  /** Exactly these `profile×Platform` cells (the self-test, whose corpus runs on one platform). */
  cells?: readonly string[];
  /** The app's JWT timing (--jwt-ttl, --jwt-refresh): appium:jwtTtlS / appium:jwtRefreshS. */
  timing?: { jwtTtlS?: number | undefined; jwtRefreshS?: number | undefined };
}

/**
 * The spec files that hold the given checks: each mobile check names its file (`mobileSpec` in
 * specs/checks.ts). Choosing files, not a grep, spares WDIO a session per unselected file.
 */
export function mobileSpecFiles(checks: readonly string[], dir = MOBILE_SPECS): string[] {
  const files = checks.map((id) => {
    const spec = catalogEntry(id)?.check.mobileSpec;
    if (!spec) throw new Error(`${id} names no mobile spec file: give it \`mobileSpec\` (its file in specs/mobile/, without .spec.ts) in specs/checks.ts`);
    const file = join(dir, `${spec}.spec${CODE_EXT}`);
    if (!existsSync(file)) throw new Error(`${id} names the mobile spec "${spec}", and there is no ${file}: fix \`mobileSpec\` in specs/checks.ts`);
    return file;
  });
  return [...new Set(files)];
}

/**
 * The mobile checks through WebdriverIO: the simulated device (wdio.conf.ts, one capability per
 * profile × platform) or a real-device config. Worker failures outside a test (a refused session)
 * are kept, so a result that never arrived can say why.
 */
export async function runMobile(request: RunnerRequest, mobile: MobileSelection, options: MobileRunOptions): Promise<RunnerOutcome & { workers: WorkerResults[] }> {
  rmSync(request.dir, { recursive: true, force: true });
  const logFile = join(request.dir, 'wdio.log');
  const resultsDir = join(request.dir, 'results');
  const all = CATALOG.filter((entry) => entry.platforms.includes('android')).length === request.checks.length;
  const specs = all ? [] : mobileSpecFiles(request.checks).flatMap((file) => ['--spec', file]);
  const profiles = options.profiles ?? [mobile.profile ?? 'correct'];
  const exit = await runRunner({
    command: process.execPath,
    args: [runnerBin('@wdio/cli', 'wdio'), 'run', mobileConfigFile(mobile.config), ...specs],
    env: {
      MOBILE_REPORTS_DIR: request.dir,
      MOBILE_RESULTS_DIR: resultsDir,
      MOBILE_PLATFORMS: options.platforms.join(','),
      MOBILE_PROFILES: profiles.join(','),
      MOBILE_CELLS: options.cells?.join(','),
      MOBILE_JWT_TTL_S: options.timing?.jwtTtlS?.toString(),
      MOBILE_JWT_REFRESH_S: options.timing?.jwtRefreshS?.toString(),
      MOBILE_PROFILE: undefined,
      MOBILE_PROFILE_MODULE: mobile.profileModule,
      MOBILE_SELECTORS: mobile.selectors,
      MOBILE_NETWORK: mobile.network,
      FORCE_COLOR: '0',
    },
    logFile,
    verbose: request.verbose,
    onProgress: request.onProgress,
  });
  const workers = readWorkerResults(resultsDir);
  return { results: cellResults(workers, resultsDir), exit, logFile, allureResults: join(request.dir, 'allure-results'), workers };
}
