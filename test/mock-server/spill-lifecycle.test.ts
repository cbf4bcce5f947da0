import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createMockServer } from '../../mock-server/index.ts';
import { webRequest } from '../support/messenger-wire.ts';

const spillPath = (): string => join(mkdtempSync(join(tmpdir(), 'spill-lifecycle-')), 'spill.ndjson');

async function pings(url: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) assert.equal((await webRequest(url, 'ping', { user_data: { anonymous_id: `v${i}` } })).status, 200);
}

/** Starts `npm run mock` as its own process, pings it past its cap, signals it and says whether the spill file outlived it. */
async function spillSurvivesSignal(signal: NodeJS.Signals, extraArgs: string[]): Promise<boolean> {
  const spillFile = spillPath();
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', '--port', '0', '--journal-cap', '5', '--spill-file', spillFile, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the mock exited with ${code} before listening: ${output}`)));
    });
    await pings(url, 12);
    assert.ok(existsSync(spillFile), 'records beyond the cap were spilled');
    const exited = once(child, 'exit');
    child.kill(signal);
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0, `the mock exits cleanly on ${signal}`);
    return existsSync(spillFile);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

describe('spill files do not outlive the mock unless asked to', () => {
  it('close() removes the spill file', async () => {
    const spillFile = spillPath();
    const mock = await createMockServer({ port: 0, journalCap: 5, spillFile });
    await pings(mock.url, 12);
    assert.ok(existsSync(spillFile));
    await mock.close();
    assert.equal(existsSync(spillFile), false);
  });

  it('close() keeps it with keepSpillFile', async () => {
    const spillFile = spillPath();
    const mock = await createMockServer({ port: 0, journalCap: 5, spillFile, keepSpillFile: true });
    await pings(mock.url, 12);
    await mock.close();
    assert.ok(existsSync(spillFile));
  });

  it('the CLI removes it on SIGTERM and on SIGINT, and keeps it with --keep-spill', { timeout: 60_000 }, async () => {
    assert.equal(await spillSurvivesSignal('SIGTERM', []), false, 'removed on SIGTERM');
    assert.equal(await spillSurvivesSignal('SIGINT', []), false, 'removed on SIGINT');
    assert.equal(await spillSurvivesSignal('SIGTERM', ['--keep-spill']), true, 'kept with --keep-spill');
  });
});
