import { accessSync, constants, existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Flags this network needs: Chromium must not reach out to Google's services. */
const OFFLINE_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Where Debian and Ubuntu install their Chromium package. */
export const SYSTEM_CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Colon-separated paths that replace SYSTEM_CHROMIUM_PATHS (another distribution's layout). */
export const SYSTEM_CHROMIUM_ENV = 'CONFORMANCE_SYSTEM_CHROMIUM';

export type BrowserSource = 'CHROMIUM_PATH' | 'playwright' | 'system';

export interface FoundBrowser {
  source: BrowserSource;
  executablePath: string;
}

export interface BrowserLookup {
  env: NodeJS.ProcessEnv;
  /** Where Playwright keeps its own Chromium (honours PLAYWRIGHT_BROWSERS_PATH). */
  playwrightExecutable: string;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export function systemChromiumPaths(env: NodeJS.ProcessEnv): string[] {
  const override = env[SYSTEM_CHROMIUM_ENV];
  return override !== undefined ? override.split(':').filter(Boolean) : SYSTEM_CHROMIUM_PATHS;
}

/**
 * The Chromium the web checks run in: CHROMIUM_PATH when set (it must exist), else Playwright's
 * own where installed (preferred: the build Playwright is tested with), else the OS package.
 * Null when there is none; `obtainBrowser` (browser-setup.ts) then gets one.
 */
export function findBrowser(lookup: BrowserLookup = { env: process.env, playwrightExecutable: chromium.executablePath() }): FoundBrowser | null {
  const override = lookup.env['CHROMIUM_PATH'];
  if (override) {
    if (!isExecutable(override)) throw new Error(`CHROMIUM_PATH=${override} is not an executable file; point it at a Chromium or Chrome binary, or unset it`);
    return { source: 'CHROMIUM_PATH', executablePath: override };
  }
  if (existsSync(lookup.playwrightExecutable)) return { source: 'playwright', executablePath: lookup.playwrightExecutable };
  const system = systemChromiumPaths(lookup.env).find(isExecutable);
  return system ? { source: 'system', executablePath: system } : null;
}

/**
 * Launch options for the browser `findBrowser` picks. Playwright's own build needs
 * `channel: 'chromium'`, or headless mode looks for a separate headless-shell download.
 */
export function chromiumLaunchOptions(): LaunchOptions & { channel?: string } {
  const found = findBrowser();
  if (!found) {
    throw new Error(
      `no Chromium found: not Playwright's (${chromium.executablePath()}) nor the system's (${systemChromiumPaths(process.env).join(', ')}); ` +
        'run `npm run setup:browser` (npm run conformance and npm test do it for you), or set CHROMIUM_PATH',
    );
  }
  if (found.source === 'playwright') return { channel: 'chromium', args: OFFLINE_FLAGS };
  return { executablePath: found.executablePath, args: OFFLINE_FLAGS };
}
