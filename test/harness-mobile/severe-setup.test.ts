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

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WDIO = join(ROOT, 'node_modules', '@wdio', 'cli', 'bin', 'wdio.js');

function wdio(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [WDIO, 'run', join(ROOT, 'wdio.conf.ts')], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('the mobile harness service', () => {
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
