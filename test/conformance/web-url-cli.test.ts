/**
 * `--web-url <url> --web-steps <file>` (and `--mock-secret-env`) on bad input: exit 2 with one line naming what was wrong,
 * before any browser starts and with the previous run's reports untouched.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const reports = mkdtempSync(join(tmpdir(), 'conformance-web-url-'));
const PREVIOUS = '{"previous":"run"}';

/** Asynchronous, so this process's own test server can answer the CLI's probe. */
function conformance(...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '--reports', reports, '-p', 'web', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** The error line, without commander's usage hint. */
const errorLine = (stderr: string): string => stderr.split('\n').filter((line) => line && !line.startsWith('(run with --help')).join('\n');

const app = createServer((_req, res) => res.end('<html></html>'));
let appUrl = '';
let closedUrl = '';

before(async () => {
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'conformance.json'), PREVIOUS);
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise((resolve) => closed.close(resolve));
});
after(() => app.close());

describe('--web-url and --web-steps on bad input', () => {
  it('refuses one without the other', async () => {
    const urlOnly = await conformance('--web-url', appUrl);
    assert.equal(urlOnly.status, 2, urlOnly.stderr);
    assert.equal(errorLine(urlOnly.stderr), 'error: --web-url needs --web-steps <file>: the steps that sign in to and out of your app');
    const stepsOnly = await conformance('--web-steps', 'examples/web-url/steps.ts');
    assert.equal(stepsOnly.status, 2, stepsOnly.stderr);
    assert.equal(errorLine(stepsOnly.stderr), 'error: --web-steps needs --web-url <url>: where your app is running');
  });

  it('refuses a steps file that lacks a step or does not load, with its whole error', async () => {
    const lacking = await conformance('--web-url', appUrl, '--web-steps', 'test/fixtures/steps/no-logout.mjs');
    assert.equal(lacking.status, 2, lacking.stderr);
    assert.equal(errorLine(lacking.stderr), 'error: --web-steps test/fixtures/steps/no-logout.mjs is not a steps file: it has no logOut step (required)');
    const throwing = await conformance('--web-url', appUrl, '--web-steps', 'test/fixtures/steps/throws.mjs');
    assert.equal(throwing.status, 2, throwing.stderr);
    assert.equal(errorLine(throwing.stderr), 'error: --web-steps test/fixtures/steps/throws.mjs could not be loaded: Error: APP_BASE_URL is not set | set it to the app under test');
  });

  it('refuses --mock-secret-env naming a variable that is not set', async () => {
    const unset = await conformance('--web-url', appUrl, '--web-steps', 'examples/web-url/steps.ts', '--mock-secret-env', 'CONFORMANCE_TEST_UNSET_SECRET');
    assert.equal(unset.status, 2, unset.stderr);
    assert.equal(errorLine(unset.stderr), 'error: --mock-secret-env: CONFORMANCE_TEST_UNSET_SECRET is not set (or empty) in this environment; export the secret your app signs its JWTs with as CONFORMANCE_TEST_UNSET_SECRET');
  });

  it('refuses a URL that does not answer, naming it and the error', async () => {
    const closed = await conformance('--web-url', closedUrl, '--web-steps', 'examples/web-url/steps.ts');
    assert.equal(closed.status, 2, closed.stderr);
    assert.match(errorLine(closed.stderr), new RegExp(`^error: --web-url ${closedUrl} did not answer: TypeError: fetch failed \\(cause: .*ECONNREFUSED[^\\n]*$`));
    assert.equal(readFileSync(join(reports, 'conformance.json'), 'utf8'), PREVIOUS, "the previous run's reports stay");
  });
});
