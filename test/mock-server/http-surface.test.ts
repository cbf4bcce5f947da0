import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest } from '../support/messenger-wire.ts';

const mock = useMock();

describe('CORS for a browser messenger on another origin', () => {
  it('a preflight from another origin is allowed with credentials', async () => {
    const response = await fetch(`${mock.url}/messenger/web/ping`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5555', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5555');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /content-type/i);
  });

  it('a credentialed POST echoes the origin, not *, and varies on it', async () => {
    const response = await fetch(`${mock.url}/messenger/web/ping`, { method: 'POST', headers: { origin: 'http://localhost:3000' } });
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:3000');
    assert.match(response.headers.get('vary') ?? '', /origin/i);
  });

  it('the admin API does not answer other origins', async () => {
    const response = await fetch(`${mock.url}/__admin/health`, { headers: { origin: 'http://evil.test' } });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('platform detection', () => {
  for (const [agent, body, platform] of [
    ['okhttp/4.12.0', {}, 'android'],
    ['Intercom/19.0 CFNetwork/1490 Darwin/23.0', {}, 'ios'],
    ['curl/8', {}, 'other'],
    ['curl/8', { platform: 'iOS' }, 'ios'],
  ] as const) {
    it(`${agent} ${JSON.stringify(body)} → ${platform}`, async () => {
      const response = await mobileRequest(mock.url, 'events', body, { userAgent: agent });
      const [record] = await mock.admin.requests({ since: response.seq! - 1 });
      assert.equal(record?.platform, platform);
    });
  }
});

function runCli(args: string[], untilOutput?: RegExp): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (untilOutput?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npm run mock (CLI)', () => {
  it('--port 0 prints the base URL, app_id and the seeded users with their canaries', async () => {
    const { output } = await runCli(['--port', '0'], /user bob.*CNRY-bob/);
    assert.match(output, /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.match(output, /app_id\s+mockapp1/);
    assert.match(output, /user alice .*CNRY-alice-/);
  });

  it('a port in use is a one-line error, not a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const { code, output } = await runCli(['--port', String(port)]);
    blocker.close();
    assert.equal(code, 1);
    assert.match(output, new RegExp(`port ${port} is already in use`));
    assert.doesNotMatch(output, /at .*\.ts:\d+/);
  });

  it('a bad flag names itself', async () => {
    const { code, output } = await runCli(['--port', 'eighty']);
    assert.equal(code, 1);
    assert.match(output, /--port.*"eighty"/);
    const unknown = await runCli(['--prot', '1']);
    assert.match(unknown.output, /unknown option '--prot'/);
  });
});
