import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useMock } from '../support/mock-fixture.ts';
import { webRequest } from '../support/messenger-wire.ts';
import { rawRequest } from './raw-http.ts';

const mock = useMock({ allowedHosts: ['mock.test', '.dev.test'] });

async function journalLength(): Promise<number> {
  return (await mock.admin.requests()).length;
}

describe('the admin API cannot be driven by a web page', () => {
  beforeEach(async () => {
    await mock.admin.reset();
    await webRequest(mock.url, 'ping', {});
  });

  it('a cross-origin text/plain POST /reset (no preflight) is refused 403 and the journal stays', async () => {
    const response = await fetch(`${mock.url}/__admin/reset`, { method: 'POST', headers: { origin: 'http://evil.test', 'content-type': 'text/plain' }, body: '{}' });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { error: string }).error, /Origin "http:\/\/evil.test"/);
    assert.equal(await journalLength(), 1);
  });

  it('a form POST /reset is refused 415 even without an Origin', async () => {
    const response = await fetch(`${mock.url}/__admin/reset`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'all=true' });
    assert.equal(response.status, 415);
    assert.match(await response.text(), /application\/json/);
    assert.equal(await journalLength(), 1);
  });

  it('a text/plain body is refused 415 on every admin POST', async () => {
    for (const path of ['/marks', '/faults', '/clock', '/users', '/tokens', '/requests/wait']) {
      const response = await fetch(`${mock.url}/__admin${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"label":"x"}' });
      assert.equal(response.status, 415, path);
    }
  });

  it('a body without any content type is refused 415', async () => {
    const response = await fetch(`${mock.url}/__admin/marks`, { method: 'POST', body: new TextEncoder().encode('{"label":"x"}') });
    assert.equal(response.status, 415);
  });

  it('a body-less POST /reset with no content type works, as curl -X POST sends it', async () => {
    const response = await fetch(`${mock.url}/__admin/reset`, { method: 'POST' });
    assert.equal(response.status, 200);
    assert.equal(await journalLength(), 0);
  });

  it('a JSON POST from a loopback origin works', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000', mock.url]) {
      const response = await fetch(`${mock.url}/__admin/marks`, { method: 'POST', headers: { origin, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ label: origin }) });
      assert.equal(response.status, 201, origin);
    }
  });

  it('foreign and opaque origins are refused on reads too', async () => {
    for (const origin of ['http://evil.test', 'null', 'http://127.0.0.1.evil.test', 'https://localhost.evil.test']) {
      const response = await fetch(`${mock.url}/__admin/requests`, { headers: { origin } });
      assert.equal(response.status, 403, origin);
    }
  });

  it('a Host that is not loopback is refused 403 (DNS rebinding), naming the option that allows it', async () => {
    const response = await rawRequest(mock.url, 'GET', '/__admin/requests', { host: `rebind.evil.test:${mock.server.port}` });
    assert.equal(response.status, 403);
    assert.match((JSON.parse(response.text) as { error: string }).error, /Host "rebind.evil.test".*--allowed-hosts rebind.evil.test/);
  });

  it('loopback hosts with any port, and the allowed extra hosts, are accepted', async () => {
    for (const host of ['localhost', `localhost:${mock.server.port}`, `127.0.0.1:${mock.server.port}`, `[::1]:${mock.server.port}`, 'mock.test:80', 'api.dev.test']) {
      const response = await rawRequest(mock.url, 'GET', '/__admin/health', { host });
      assert.equal(response.status, 200, host);
    }
    assert.equal((await rawRequest(mock.url, 'GET', '/__admin/health', { host: 'dev.test.evil' })).status, 403);
  });

  it('the messenger still answers other origins and hosts', async () => {
    const response = await rawRequest(mock.url, 'POST', '/messenger/web/ping', { host: 'api-iam.intercom.io', origin: 'https://shop.example', 'content-type': 'application/x-www-form-urlencoded' }, 'app_id=mockapp1');
    assert.equal(response.status, 200);
    assert.equal(response.headers['access-control-allow-origin'], 'https://shop.example');
  });
});
