/**
 * `--live` on bad input: exit 2 with one line naming the missing variable (or the refusal), before
 * anything runs, and never the secret or the token in the output.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MockAdminClient } from '../../harness/admin-client.ts';
import { createMockServer, type RunningMockServer } from '../../mock-server/index.ts';

const reports = mkdtempSync(join(tmpdir(), 'conformance-live-'));
const SECRET = 'live-cli-identity-secret-77a1c0';
const TOKEN = 'live-cli-access-token-e3b94f';

function conformance(env: Record<string, string | undefined>, ...args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const merged: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', INTERCOM_IDENTITY_SECRET: undefined, INTERCOM_ACCESS_TOKEN: undefined, ...env };
    for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
    const child = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '--reports', reports, '-p', 'web', ...args], { env: merged });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const lines = (output: string): string[] => output.split('\n').filter(Boolean);

let standIn: RunningMockServer;
before(async () => {
  standIn = await createMockServer({ port: 0, spillFile: join(reports, 'stand-in.ndjson'), live: null, seedUsers: [], primarySecret: SECRET, rotatedSecret: null, restApi: { accessToken: TOKEN } });
});
after(() => standIn.close());

describe('--live on bad input', () => {
  it('names INTERCOM_IDENTITY_SECRET when it is missing, in one line, exit 2', async () => {
    const run = await conformance({ INTERCOM_ACCESS_TOKEN: TOKEN }, '--live');
    assert.equal(run.status, 2, run.output);
    assert.equal(lines(run.output).length, 1, run.output);
    assert.match(run.output, /^error: live mode needs INTERCOM_IDENTITY_SECRET: /);
    assert.ok(!run.output.includes(TOKEN));
  });

  it('names INTERCOM_ACCESS_TOKEN when it is missing, in one line, exit 2', async () => {
    const run = await conformance({ INTERCOM_IDENTITY_SECRET: SECRET }, '--live', '--live-upstream', standIn.url);
    assert.equal(run.status, 2, run.output);
    assert.equal(lines(run.output).length, 1, run.output);
    assert.match(run.output, /^error: live mode needs INTERCOM_ACCESS_TOKEN: /);
    assert.ok(!run.output.includes(SECRET));
  });

  it('a token the workspace refuses: exit 2 naming the 401, the token never printed, nothing left planted', async () => {
    const wrong = 'live-cli-wrong-token-0c1d2e';
    const run = await conformance({ INTERCOM_IDENTITY_SECRET: SECRET, INTERCOM_ACCESS_TOKEN: wrong }, '--live', '--live-upstream', standIn.url);
    assert.equal(run.status, 2, run.output);
    assert.match(run.output, /answered 401: unauthorized: Access Token Invalid \(check the access token in INTERCOM_ACCESS_TOKEN\)/);
    for (const secret of [wrong, SECRET]) assert.ok(!run.output.includes(secret), 'a secret reached the output');
    assert.deepEqual(await new MockAdminClient(standIn.url).users(), []);
  });

  it('refuses --live-upstream without --live, and an upstream that is not a URL', async () => {
    const alone = await conformance({}, '--live-upstream', standIn.url);
    assert.equal(alone.status, 2, alone.output);
    assert.match(alone.output, /error: --live-upstream needs --live/);
    const bad = await conformance({}, '--live', '--live-upstream', 'ftp://127.0.0.1:1');
    assert.equal(bad.status, 2, bad.output);
    assert.match(bad.output, /must be http:\/\/ or https:\/\//);
  });
});
