/**
 * A set-up the mobile harness cannot serve stops the WDIO run in the launcher, with one line that
 * says what is wrong and what to do (SevereServiceError), instead of starting workers that each
 * fail elsewhere. Runs the project's own wdio.conf.ts with a profile the simulated SDK lacks.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MockServerLauncher } from '../../../harness/mobile/service/index.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WDIO = join(ROOT, 'node_modules', '@wdio', 'cli', 'bin', 'wdio.js');

function wdio(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [WDIO, 'run', join(ROOT, 'wdio.conf.ts')], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('the mobile harness service', () => {
  it('the launcher refuses what the simulated device cannot serve, all of it in one SevereServiceError; a good list gets one mock each', async () => {
    const spillDir = mkdtempSync(join(tmpdir(), 'launcher-'));
    const launcher = new MockServerLauncher({ spillDir, host: '127.0.0.1' });
    const sim = (caps: Record<string, unknown>) => ({ 'appium:automationName': 'IntercomSim', platformName: 'Android', ...caps });
    await assert.rejects(launcher.onPrepare({}, {}), (error: Error) => error.name === 'SevereServiceError' && /needs a list of capabilities/.test(error.message));
    await assert.rejects(
      launcher.onPrepare({}, [sim({ 'appium:sdkProfile': 'nope' }), sim({ platformName: 'Windows' }), sim({ 'appium:sdkProfileModule': join(spillDir, 'missing.mjs') })]),
      (error: Error) =>
        error.name === 'SevereServiceError' &&
        /capability 1: appium:sdkProfile "nope" is not a profile/.test(error.message) &&
        /capability 2: platformName "Windows" is not a platform of IntercomSim; use Android or iOS/.test(error.message) &&
        /capability 3: appium:sdkProfileModule .*missing\.mjs does not exist/.test(error.message),
    );
    const caps: Record<string, unknown>[] = [sim({ 'appium:sdkProfile': 'android-stale-jwt' }), { platformName: 'Android', 'appium:automationName': 'UiAutomator2' }];
    await launcher.onPrepare({}, caps);
    try {
      const urls = caps.map((cap) => String(cap['appium:mockServerUrl']));
      assert.equal(new Set(urls).size, 2, 'one mock per capability');
      for (const url of urls) assert.equal((await fetch(`${url}/__admin/health`)).status, 200);
    } finally {
      await launcher.onComplete();
    }
  });

  it('an unknown profile stops the run in the launcher with one clear line; no worker starts', async () => {
    const reports = mkdtempSync(join(tmpdir(), 'severe-setup-'));
    const { code, output } = await wdio({ MOBILE_PROFILE: 'no-such-profile', MOBILE_PLATFORMS: 'android', MOBILE_REPORTS_DIR: reports });
    assert.notEqual(code, 0, output);
    const lines = output.split('\n').filter((line) => line.includes('appium:sdkProfile "no-such-profile" is not a profile of the simulated SDK; it has correct,'));
    assert.ok(lines.length >= 1, `the launcher names the bad profile and the ones there are:\n${output}`);
    assert.match(output, /Stopping runner/, 'WebdriverIO stops the run');
    const results = join(reports, 'results');
    assert.deepEqual(existsSync(results) ? readdirSync(results) : [], [], 'no worker ran, so no worker wrote results');
    assert.doesNotMatch(output, /Failed launching test session|Spec Files:/, 'no worker was started');
  });
});
