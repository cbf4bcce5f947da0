import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { mobileApiHost } from '../../mock-server/index.ts';
import { ANDROID_UA } from '../support/messenger-wire.ts';
import { eventually, httpsViaProxy, httpViaProxy, openTunnel, startTls } from './proxy-client.ts';
import { useProxiedMock } from './proxy-fixture.ts';
import { startHttpsStandIn, startHttpStandIn, type StandIn } from './stand-ins.ts';

const ANDROID_HOST = mobileApiHost('mockapp1', 'android');

/** The local addresses listening on `port`, from the kernel's socket tables (IPv4 as dotted quads, IPv6 as hex). */
function listeningAddresses(port: number): string[] {
  const LISTEN = '0A';
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [address, hexPort] = local.split(':');
      if (Number.parseInt(hexPort!, 16) !== port) continue;
      addresses.push(address!.length === 8 ? Buffer.from(address!, 'hex').reverse().join('.') : address!);
    }
  }
  return addresses;
}

describe('the recording proxy: Intercom hosts into the journal, other traffic passed through', () => {
  const run = useProxiedMock();
  let internet: StandIn;
  let secureInternet: StandIn;
  before(async () => {
    internet = await startHttpStandIn();
    secureInternet = await startHttpsStandIn();
  });
  after(async () => {
    await internet.close();
    await secureInternet.close();
  });
  beforeEach(() => run.mock.admin.reset());

  it('listens on 127.0.0.1 only (mockttp alone would listen on every interface)', { skip: existsSync('/proc/net/tcp') ? false : 'needs Linux /proc/net to list listening sockets' }, () => {
    assert.equal(run.proxy.url, `http://127.0.0.1:${run.proxy.port}`);
    assert.deepEqual(listeningAddresses(run.proxy.port), ['127.0.0.1']);
  });

  it('brings a device\'s HTTPS request to an Intercom host into the journal: host, TLS facts, when the proxy had it', async () => {
    const before = Date.now();
    const { token } = await run.mock.admin.token('alice');
    const response = await httpsViaProxy(run.proxy.url, run.ca.certPem, ANDROID_HOST, '/messenger/mobile/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': ANDROID_UA, 'x-conformance-sent': '4' },
      body: JSON.stringify({ app_id: 'mockapp1', device_identifier: 'dev-1', user: { user_id: 'alice', email: 'alice@example.test', intercom_user_jwt: token } }),
    });
    assert.equal(response.status, 200, response.body);
    assert.equal(response.headers['x-mock-seq'], '1', "the mock's answer reaches the device as it was");
    const [record] = await run.mock.admin.requests();
    assert.equal(record!.host, ANDROID_HOST);
    assert.equal(record!.path, '/messenger/mobile/users');
    assert.equal(record!.method, 'POST');
    assert.equal(record!.platform, 'android', 'the user agent came through');
    assert.equal(record!.sent, 4, "the device's send-order stamp came through");
    assert.equal(record!.jwt?.status, 'valid', 'the body came through');
    assert.equal(record!.jwt?.location, 'body.user.intercom_user_jwt');
    assert.equal(record!.via?.kind, 'proxy');
    assert.equal(record!.via?.tls?.sni, ANDROID_HOST);
    assert.match(record!.via?.tls?.version ?? '', /^TLSv1\.[23]$/);
    assert.match(record!.via?.tls?.cipher ?? '', /^[A-Z0-9_-]+$/);
    const received = Date.parse(record!.via?.received_at ?? '');
    assert.ok(received >= before - 5 && received <= Date.now(), `received_at ${record!.via?.received_at} is when the proxy had it`);
  });

  it('forwards the query and headers as sent, and replaces stamps a client forged', async () => {
    const { token } = await run.mock.admin.token('bob');
    await httpsViaProxy(run.proxy.url, run.ca.certPem, 'api-iam.eu.intercom.io', `/messenger/web/ping?intercom_user_jwt=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-conformance-host': 'forged.example', 'x-conformance-tls-version': 'SSLv2' },
      body: 'app_id=mockapp1',
    });
    const [record] = await run.mock.admin.requests();
    assert.equal(record!.jwt?.location, 'query.intercom_user_jwt');
    assert.equal(record!.jwt?.claims?.['user_id'], 'bob');
    assert.equal(record!.host, 'api-iam.eu.intercom.io');
    assert.notEqual(record!.via?.tls?.version, 'SSLv2');
  });

  it('brings plain HTTP to an Intercom host into the journal too, with tls null even if the client claims TLS', async () => {
    const response = await httpViaProxy(run.proxy.url, 'http://api-iam.intercom.io/messenger/web/ping', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-conformance-tls-version': 'TLSv1.3' }, body: 'app_id=mockapp1' });
    assert.equal(response.status, 200);
    const [record] = await run.mock.admin.requests();
    assert.equal(record!.host, 'api-iam.intercom.io');
    assert.deepEqual(record!.via?.tls, null);
  });

  it('journals a path the mock does not model on an Intercom host as unmodelled, nothing unseen', async () => {
    const response = await httpsViaProxy(run.proxy.url, run.ca.certPem, 'nexus-websocket-a.intercom.io', '/pubsub/5-abc');
    assert.equal(response.status, 404);
    const [record] = await run.mock.admin.requests();
    assert.equal(record!.unmodelled, true);
    assert.equal(record!.host, 'nexus-websocket-a.intercom.io');
  });

  it('passes other HTTP through untouched, noting host, method and outcome only', async () => {
    const response = await httpViaProxy(run.proxy.url, `http://127.0.0.1:${internet.port}/news?id=1`, { method: 'POST', body: 'hello' });
    assert.equal(response.status, 200);
    assert.equal(response.body, 'stand-in saw 5 bytes');
    assert.deepEqual(internet.seen.at(-1), 'POST /news?id=1');
    assert.deepEqual(await run.mock.admin.requests(), [], 'other traffic is never journaled');
    const noted = run.proxy.passed().at(-1)!;
    assert.deepEqual({ method: noted.method, host: noted.host, outcome: noted.outcome }, { method: 'POST', host: '127.0.0.1', outcome: 'passed' });
    assert.deepEqual(Object.keys(noted).sort(), ['host', 'method', 'outcome', 'time']);
  });

  it('tunnels other HTTPS without intercepting it: the client sees the server\'s own certificate', async () => {
    const tls = await startTls(await openTunnel(run.proxy.url, 'localhost', secureInternet.port), 'localhost', secureInternet.certPem!);
    assert.equal(tls.authorized, true);
    tls.destroy();
    assert.ok(run.proxy.passed().some((entry) => entry.method === 'CONNECT' && entry.host === 'localhost' && entry.outcome === 'passed'), JSON.stringify(run.proxy.passed()));
  });

  it('notes other traffic whose server is not there as failed', async () => {
    const gone = await startHttpStandIn();
    await gone.close();
    const response = await httpViaProxy(run.proxy.url, `http://127.0.0.1:${gone.port}/`);
    assert.equal(response.status, 502);
    assert.equal(run.proxy.passed().at(-1)?.outcome, 'failed');
  });

  it('fails the handshake of a client that does not trust the run\'s CA, and journals nothing', async () => {
    const otherCa = secureInternet.certPem!;
    await assert.rejects(startTls(await openTunnel(run.proxy.url, ANDROID_HOST), ANDROID_HOST, otherCa), /certificate/i);
    await eventually('the proxy to log the failed handshake', () => run.log.some((line) => /TLS handshake .*failed/.test(line)));
    assert.deepEqual(await run.mock.admin.requests(), []);
  });
});

describe('the recording proxy refusing other traffic', () => {
  const run = useProxiedMock({ otherTraffic: 'refuse' });
  let internet: StandIn;
  before(async () => {
    internet = await startHttpStandIn();
  });
  after(() => internet.close());

  it('answers 403 without connecting anywhere, and notes it refused', async () => {
    const response = await httpViaProxy(run.proxy.url, `http://127.0.0.1:${internet.port}/news`);
    assert.equal(response.status, 403);
    assert.match(response.body, /not one of Intercom's hosts/);
    assert.deepEqual(internet.seen, []);
    assert.deepEqual(run.proxy.passed().map(({ method, host, outcome }) => ({ method, host, outcome })), [{ method: 'GET', host: '127.0.0.1', outcome: 'refused' }]);
  });

  it('refuses other HTTPS too, and still forwards Intercom hosts', async () => {
    const refused = await httpsViaProxy(run.proxy.url, run.ca.certPem, 'example.com', '/');
    assert.equal(refused.status, 403);
    const forwarded = await httpsViaProxy(run.proxy.url, run.ca.certPem, 'api-iam.intercom.io', '/messenger/web/ping', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'app_id=mockapp1' });
    assert.equal(forwarded.status, 200);
    assert.equal((await run.mock.admin.requests()).length, 1);
  });
});
