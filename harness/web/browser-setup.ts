import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { findBrowser, type BrowserLookup, type FoundBrowser } from './browser.ts';

export interface BrowserSetupOptions {
  env: NodeJS.ProcessEnv;
  /** Root may install the OS package; anyone else gets the command to run. */
  isRoot: boolean;
  platform: NodeJS.Platform;
  /** Where Playwright keeps its own Chromium; the default asks Playwright. */
  playwrightExecutable?: string;
  /** Playwright's command line (`install chromium` downloads its browser). */
  playwrightCli?: string;
  /** Progress, one line at a time. */
  log(line: string): void;
}

export type BrowserSetupResult =
  | { ok: true; browser: FoundBrowser; obtained: 'already-there' | 'playwright-download' | 'os-package' }
  | { ok: false; instruction: string };

interface StepOutcome {
  ok: boolean;
  /** What a failure said: the command's first error line, else its last line. */
  last: string;
}

const ERROR_LINE = /^(E:|Error\b|error\b)|\b(failed|unable)\b/i;

/** Runs one set-up command, its output shown as indented progress lines. */
function step(command: string, args: string[], options: BrowserSetupOptions, env: NodeJS.ProcessEnv = {}): Promise<StepOutcome> {
  return new Promise((resolve) => {
    let last = '';
    let firstError = '';
    const child = spawn(command, args, { env: { ...options.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const streams = [child.stdout, child.stderr].map(
      (stream) =>
        new Promise<void>((done) => {
          const lines = createInterface({ input: stream, crlfDelay: Infinity });
          lines.on('line', (line) => {
            const shown = line.trim();
            if (!shown) return;
            last = shown;
            if (!firstError && ERROR_LINE.test(shown)) firstError = shown;
            options.log(`    ${shown}`);
          });
          lines.on('close', done);
        }),
    );
    child.on('error', (error) => resolve({ ok: false, last: `${command}: ${error.message}` }));
    child.on('close', async (code) => {
      await Promise.all(streams);
      resolve({ ok: code === 0, last: firstError || last || `${command} exited with code ${code}` });
    });
  });
}

/** Debian's package name first; Ubuntu's older name after it. */
const OS_PACKAGES = ['chromium', 'chromium-browser'];

/**
 * A browser for the web checks, obtained when there is none: Playwright's own download where the
 * network allows it (with its system libraries when root on Linux), else the OS's chromium package
 * when root on Debian/Ubuntu, else a one-line instruction saying what to install.
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 skips the download (Playwright's own switch).
 */
export async function obtainBrowser(options: BrowserSetupOptions): Promise<BrowserSetupResult> {
  const lookup: BrowserLookup = { env: options.env, playwrightExecutable: options.playwrightExecutable ?? chromium.executablePath() };
  const present = findBrowser(lookup);
  if (present) return { ok: true, browser: present, obtained: 'already-there' };

  const tried: string[] = [];
  options.log('No Chromium for the web checks yet: obtaining one.');
  if (options.env['PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD'] === '1') {
    tried.push("Playwright's download skipped (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1)");
  } else {
    const cli = options.playwrightCli ?? createRequire(import.meta.url).resolve('@playwright/test/cli');
    options.log("  Playwright's own Chromium: playwright install chromium");
    const download = await step(process.execPath, [cli, 'install', 'chromium'], options);
    if (download.ok && options.platform === 'linux' && options.isRoot) {
      options.log("  its system libraries: playwright install-deps chromium");
      await step(process.execPath, [cli, 'install-deps', 'chromium'], options);
    }
    const found = download.ok ? findBrowser(lookup) : null;
    if (found) return { ok: true, browser: found, obtained: 'playwright-download' };
    tried.push(`Playwright's download failed (${download.last})`);
  }

  if (options.platform === 'linux' && options.isRoot) {
    const apt = { DEBIAN_FRONTEND: 'noninteractive' };
    options.log("  the OS's Chromium: apt-get update, apt-get install chromium");
    const update = await step('apt-get', ['update', '-q'], options, apt);
    if (!update.ok) tried.push(`apt-get update failed (${update.last})`);
    else {
      for (const name of OS_PACKAGES) {
        const install = await step('apt-get', ['install', '-y', '-q', '--no-install-recommends', name], options, apt);
        const found = install.ok ? findBrowser(lookup) : null;
        if (found) return { ok: true, browser: found, obtained: 'os-package' };
        tried.push(install.ok ? `apt-get installed ${name}, but no Chromium appeared at the paths looked in` : `apt-get install ${name} failed (${install.last})`);
        if (install.ok) break;
      }
    }
  } else if (options.platform === 'linux') {
    tried.push('not root, so the OS package was not installed');
  }

  const commands = [
    '"npx playwright install --with-deps chromium" (needs Playwright\'s download to be reachable)',
    ...(options.platform === 'linux' ? ['"sudo apt-get install chromium" (Debian/Ubuntu)'] : []),
    'or set CHROMIUM_PATH to a Chromium or Chrome executable',
  ];
  return { ok: false, instruction: `No browser for the web checks: run ${commands.join(', ')}; tried: ${tried.join('; ')}.` };
}
