import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { beforeEach, describe, it } from 'node:test';
import { connect as tlsConnect } from 'node:tls';
import { DEFAULT_PRIMARY_SECRET, DEFAULT_ROTATED_SECRET, mobileApiHost } from '../../mock-server/index.ts';
import { startRecordingProxy } from '../../proxy/index.ts';
import { ANDROID_UA } from '../support/messenger-wire.ts';
import { eventually, httpsViaProxy, openTunnel } from './proxy-client.ts';
import { useProxiedMock } from './proxy-fixture.ts';
import { startHttpStandIn } from './stand-ins.ts';

const ANDROID_HOST = mobileApiHost('mockapp1', 'android');
const TEN_MB = 10 * 1000 * 1000;

function usersRequest(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': ANDROID_UA, ...headers },
    body: JSON.stringify({ app_id: 'mockapp1', device_identifier: 'dev-1', ...body }),
  };
}

describe('the recording proxy under strain: nothing lost from the journal, nothing secret in its output', { timeout: 30_000 }, () => {
  const run = useProxiedMock();
  beforeEach(() => run.mock.admin.reset());

  it('survives clients that drop mid-handshake, and journals the requests after them', async () => {
    // One drops once the proxy's ServerHello is in (its first handshake secret is logged then),
    // before the handshake finishes; one sends half a ClientHello and goes.
    const tunnel = await openTunnel(run.proxy.url, ANDROID_HOST);
    await new Promise<void>((resolve) => {
      const tls = tlsConnect({ socket: tunnel, servername: ANDROID_HOST, ca: run.ca.certPem, minVersion: 'TLSv1.3' });
      tls.on('error', () => {});
      tls.once('keylog', () => {
        tunnel.destroy();
        resolve();
      });
    });
    await eventually('the proxy to notice the dropped handshake', () => run.log.some((line) => /TLS handshake .*failed \(reset\)/.test(line)));
    const halfHello = await openTunnel(run.proxy.url, ANDROID_HOST);
    const closed = once(halfHello, 'close');
    halfHello.end(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]));
    await closed;

    const response = await httpsViaProxy(run.proxy.url, run.ca.certPem, ANDROID_HOST, '/messenger/mobile/users', usersRequest({ user: { user_id: 'alice' } }));
    assert.ok(response.status > 0);
    const records = await run.mock.admin.requests();
    assert.equal(records.length, 1);
    assert.equal(records[0]!.host, ANDROID_HOST);
  });

  it('brings a 10 MB body into the journal whole', async () => {
    const { token } = await run.mock.admin.token('alice');
    const filler = randomBytes(TEN_MB * 0.75).toString('base64');
    const request = usersRequest({ filler, user: { user_id: 'alice', email: 'end-of-body@example.test', intercom_user_jwt: token } });
    assert.ok(Buffer.byteLength(request.body) > TEN_MB);
    const response = await httpsViaProxy(run.proxy.url, run.ca.certPem, ANDROID_HOST, '/messenger/mobile/users', request);
    assert.equal(response.status, 200, response.body.slice(0, 200));
    const [record] = await run.mock.admin.requests();
    assert.equal(record!.response.status, 200);
    assert.equal(record!.user_data?.email, 'end-of-body@example.test', 'what came after 10 MB arrived, and the JSON parsed');
    assert.equal(record!.jwt?.status, 'valid');
  });

  it('journals 200 concurrent HTTPS connections, none lost', async () => {
    const COUNT = 200;
    const { token } = await run.mock.admin.token('alice');
    const responses = await Promise.all(
      Array.from({ length: COUNT }, (_, index) =>
        httpsViaProxy(run.proxy.url, run.ca.certPem, ANDROID_HOST, '/messenger/mobile/users', usersRequest({ user: { user_id: 'alice', intercom_user_jwt: token } }, { 'x-conformance-sent': String(index + 1) })),
      ),
    );
    assert.deepEqual(responses.filter((response) => response.status !== 200).map((response) => response.status), []);
    const records = await run.mock.admin.requests();
    assert.equal(records.length, COUNT);
    assert.deepEqual(records.map((record) => record.sent).sort((a, b) => a! - b!), Array.from({ length: COUNT }, (_, index) => index + 1));
    assert.ok(records.every((record) => record.via?.tls?.sni === ANDROID_HOST), 'each record has its own connection\'s TLS facts');
  });

  it('writes no secret and no full token in its log, its notes or the records', async () => {
    const { token } = await run.mock.admin.token('alice');
    const signature = token.split('.')[2]!;
    await httpsViaProxy(run.proxy.url, run.ca.certPem, ANDROID_HOST, `/messenger/mobile/users?intercom_user_jwt=${token}`, usersRequest({ user: { user_id: 'alice', intercom_user_jwt: token } }, { authorization: `Bearer ${token}`, 'x-intercom-user-jwt': token }));
    const records = await run.mock.admin.requests();
    assert.equal(records[0]!.jwt?.status, 'valid', 'the token did reach the mock');
    const outputs = {
      log: run.log.join('\n'),
      passed: JSON.stringify(run.proxy.passed()),
      ndjson: await run.mock.admin.exportJournal('ndjson'),
      har: await run.mock.admin.exportJournal('har'),
    };
    for (const [name, text] of Object.entries(outputs)) {
      assert.equal(text.includes(signature), false, `${name} holds the token's signature`);
      for (const secret of [DEFAULT_PRIMARY_SECRET, DEFAULT_ROTATED_SECRET, run.ca.keyPem.split('\n')[1]!]) assert.equal(text.includes(secret), false, `${name} holds a secret`);
    }
    assert.match(outputs.ndjson, new RegExp(records[0]!.jwt!.fingerprint), 'the records name the token by its fingerprint');
  });

  it('hands its target exactly the 10 MB a device sent, byte for byte', async () => {
    let digest = '';
    const target = await startHttpStandIn((_req, body, res) => {
      digest = createHash('sha256').update(body).digest('hex');
      res.writeHead(200).end();
    });
    const proxy = await startRecordingProxy({ targetUrl: `http://127.0.0.1:${target.port}`, ca: run.ca });
    try {
      const body = randomBytes(TEN_MB);
      const response = await httpsViaProxy(proxy.url, run.ca.certPem, ANDROID_HOST, '/messenger/mobile/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
      assert.equal(response.status, 200);
      assert.equal(digest, createHash('sha256').update(body).digest('hex'));
    } finally {
      await proxy.stop();
      await target.close();
    }
  });
});
