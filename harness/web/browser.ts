import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Flags this network needs: Chromium must not reach out to Google's services. */
const OFFLINE_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const DEBIAN_CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/**
 * Playwright's own Chromium where one is installed, otherwise Debian's (CHROMIUM_PATH overrides).
 * The bundled branch needs `channel: 'chromium'`, or headless mode looks for a separate
 * headless-shell download.
 */
export function chromiumLaunchOptions(): LaunchOptions & { channel?: string } {
  const override = process.env['CHROMIUM_PATH'];
  if (override) return { executablePath: override, args: OFFLINE_FLAGS };
  if (existsSync(chromium.executablePath())) return { channel: 'chromium', args: OFFLINE_FLAGS };
  const system = DEBIAN_CHROMIUM.find((path) => existsSync(path));
  if (!system) {
    throw new Error(`no Chromium found: not Playwright's (${chromium.executablePath()}) nor Debian's (${DEBIAN_CHROMIUM.join(', ')}); install Debian's chromium package or set CHROMIUM_PATH`);
  }
  return { executablePath: system, args: OFFLINE_FLAGS };
}
