import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eventually, httpViaProxy } from './proxy-client.ts';
import { useMock } from '../support/mock-fixture.ts';

const CLI = fileURLToPath(new URL('../../proxy/cli.ts', import.meta.url));

describe('npm run proxy', { timeout: 60_000 }, () => {
  const mock = useMock();
  beforeEach(() => mock.admin.reset());

  it('prints its URL and the CA paths, forwards to --target, and stops on SIGINT', async () => {
    const caDir = mkdtempSync(join(tmpdir(), 'proxy-cli-ca-'));
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--target', mock.url, '--port', '0', '--ca-dir', caDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const listening = new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const match = /^recording proxy listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the proxy exited (${code}) before listening:\n${lines.join('\n')}`)));
    });
    const url = await listening;
    await eventually('the CA paths to be printed', () => lines.some((line) => line.includes('CA (Android system)')));
    const response = await httpViaProxy(url, 'http://api-iam.intercom.io/messenger/web/ping', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'app_id=mockapp1' });
    assert.equal(response.status, 200);
    assert.equal((await mock.admin.requests())[0]?.host, 'api-iam.intercom.io');
    const output = lines.join('\n');
    assert.match(output, new RegExp(`CA \\(PEM\\) +${join(caDir, 'ca.pem')}`));
    assert.match(output, new RegExp(`CA \\(DER\\) +${join(caDir, 'ca.der')}`));
    assert.match(output, new RegExp(`CA \\(Android system\\) +${caDir}/[0-9a-f]{8}\\.0`));
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = await exited;
    assert.equal(code, 0);
  });

  it('refuses a --target that is not a URL, naming it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--target', 'mock-on-4010'], { encoding: 'utf8', timeout: 30_000 });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--target.*mock-on-4010|mock-on-4010.*--target|expected the mock's base URL.*mock-on-4010/s);
  });
});
