import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();

/** Waits until wall time has moved on by `ms`: a held clock must not follow it. */
async function wallTimePasses(ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) await new Promise((resolve) => setImmediate(resolve));
}

describe('how a request reached the mock: send order and addressed host', () => {
  beforeEach(() => mock.admin.reset());

  it('journals the sender\'s send-order stamp, so records can be judged by when they were sent', async () => {
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-sent': '7' } });
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-sent': '3' } });
    const [first, second] = await mock.admin.requests();
    assert.equal(first!.sent, 7);
    assert.equal(second!.sent, 3, 'arrival order and send order may differ');
  });

  it('records no send order when there is none or it is not a counter', async () => {
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } });
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-sent': '-1' } });
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-sent': '2e3' } });
    assert.deepEqual((await mock.admin.requests()).map((record) => record.sent), [null, null, null]);
  });

  it('records the host the page addressed, else the Host header', async () => {
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-host': 'api-iam.eu.intercom.io' } });
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } });
    const [routed, direct] = await mock.admin.requests();
    assert.equal(routed!.host, 'api-iam.eu.intercom.io');
    assert.equal(direct!.host, new URL(mock.url).host);
  });

  it('journals a request to an Intercom host the mock does not model, tokens judged, and answers 404 saying so', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await fetch(`${mock.url}/frame.4f2a.js?jwt=${token}`, { headers: { 'x-conformance-host': 'js.intercomcdn.com', 'x-conformance-sent': '12' } });
    assert.equal(response.status, 404);
    const body = (await response.json()) as { errors: { message: string }[] };
    assert.match(body.errors[0]!.message, /not modelled by the mock: GET js\.intercomcdn\.com\/frame\.4f2a\.js/);
    const [record] = await mock.admin.requests();
    assert.equal(record!.unmodelled, true);
    assert.equal(record!.host, 'js.intercomcdn.com');
    assert.equal(record!.path, '/frame.4f2a.js');
    assert.equal(record!.sent, 12);
    assert.equal(record!.jwt?.claims?.['user_id'], 'alice', "a prior user's token on an unmodelled path is still evidence");
  });

  it('journals an unknown messenger endpoint as unmodelled too', async () => {
    await webRequest(mock.url, 'nexus_subscribe', { user_data: { anonymous_id: 'v1' } });
    const [record] = await mock.admin.requests();
    assert.equal(record!.unmodelled, true);
    assert.equal(record!.response.status, 404);
  });

  it('does not journal a stray request no Intercom host was addressed with', async () => {
    assert.equal((await fetch(`${mock.url}/favicon.ico`)).status, 404);
    assert.equal((await mock.admin.requests()).length, 0);
  });

  it('places a mark in send order when told where', async () => {
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-sent': '1' } });
    const mark = await mock.admin.mark('shutdown', 4);
    assert.equal(mark.sent, 4);
    assert.equal(mark.seq, 1);
    assert.equal((await mock.admin.mark('plain')).sent, undefined);
    assert.deepEqual((await mock.admin.marks()).map((m) => [m.label, m.sent]), [['shutdown', 4], ['plain', undefined]]);
  });

  it('refuses a send-order position that is not a non-negative integer, naming the field', async () => {
    const response = await fetch(`${mock.url}/__admin/marks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ label: 'x', sent: 1.5 }) });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /"field":"sent"/);
  });
});

describe('a held mock clock', () => {
  beforeEach(() => mock.admin.reset());

  it('stands still at the instant it was held at, and JWT verdicts use that instant', async () => {
    const at = Date.now() + 3_600_000;
    const held = await mock.admin.clock({ hold_at_ms: at });
    assert.equal(held.held, true);
    assert.equal(held.now_ms, at);
    await wallTimePasses(20);
    assert.equal(((await fetch(`${mock.url}/__admin/clock`).then((r) => r.json())) as { now_ms: number }).now_ms, at, 'wall time moved on; the held clock did not');
    const { token } = await mock.admin.token('alice', { ttl_s: 60 });
    await webRequest(mock.url, 'ping', { user_data: { user_id: 'alice', intercom_user_jwt: token } });
    const [record] = await mock.admin.requests();
    assert.equal(record!.time, new Date(at).toISOString(), 'the record is stamped with the held instant');
    assert.equal(record!.jwt?.exp_in_s, 60, 'a token minted at the held instant has its whole TTL left');
  });

  it('moves only when advanced, and runs again when given an offset', async () => {
    const at = Date.now() + 1_000_000;
    await mock.admin.clock({ hold_at_ms: at });
    await wallTimePasses(20);
    const advanced = await mock.admin.clock({ advance_s: 10 });
    assert.equal(advanced.now_ms, at + 10_000);
    assert.equal(advanced.held, true);
    const running = await mock.admin.clock({ offset_s: 0 });
    assert.equal(running.held, false);
    assert.ok(Math.abs(running.now_ms - Date.now()) < 1000);
  });

  it('refuses an instant more than 100 years away, and two changes at once', async () => {
    const far = await fetch(`${mock.url}/__admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hold_at_ms: Date.now() + 4e12 }) });
    assert.equal(far.status, 400);
    assert.match(await far.text(), /hold_at_ms/);
    const both = await fetch(`${mock.url}/__admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hold_at_ms: Date.now(), advance_s: 1 }) });
    assert.equal(both.status, 400);
    assert.equal((await mock.admin.clock({ offset_s: 0 })).held, false);
  });

  it('is let go by a reset', async () => {
    await mock.admin.clock({ hold_at_ms: Date.now() + 5000 });
    await mock.admin.reset();
    assert.equal((await fetch(`${mock.url}/__admin/clock`).then((r) => r.json()) as { held: boolean }).held, false);
  });
});

describe('a request the recording proxy forwarded: when it had it and over what TLS', () => {
  beforeEach(() => mock.admin.reset());

  const stamped = {
    'x-conformance-host': 'mockapp1-android.mobile-messenger.intercom.com',
    'x-conformance-proxy-received-at': '2026-12-02T10:00:00.123Z',
    'x-conformance-tls-version': 'TLSv1.3',
    'x-conformance-tls-sni': 'mockapp1-android.mobile-messenger.intercom.com',
    'x-conformance-tls-cipher': 'TLS_AES_256_GCM_SHA384',
  };

  it('records via {kind: proxy, received_at, tls}, and shows it in the ndjson and HAR exports', async () => {
    await mobileRequest(mock.url, 'users', { user: { user_id: 'alice' } }, { headers: stamped });
    const [record] = await mock.admin.requests();
    assert.deepEqual(record!.via, {
      kind: 'proxy',
      received_at: '2026-12-02T10:00:00.123Z',
      tls: { version: 'TLSv1.3', sni: 'mockapp1-android.mobile-messenger.intercom.com', cipher: 'TLS_AES_256_GCM_SHA384' },
    });
    assert.equal(record!.host, 'mockapp1-android.mobile-messenger.intercom.com');
    const exported = JSON.parse((await mock.admin.exportJournal('ndjson')).trim().split('\n')[0]!);
    assert.deepEqual(exported.via, record!.via);
    const har = JSON.parse(await mock.admin.exportJournal('har')) as { log: { entries: { _journal: { via?: unknown } }[] } };
    assert.deepEqual(har.log.entries[0]!._journal.via, record!.via);
  });

  it('records tls null over plain HTTP, and no via at all for a request the proxy did not forward', async () => {
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } }, { headers: { 'x-conformance-host': 'api-iam.intercom.io', 'x-conformance-proxy-received-at': '2026-12-02T10:00:00.000Z' } });
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } });
    const [proxied, direct] = await mock.admin.requests();
    assert.deepEqual(proxied!.via, { kind: 'proxy', received_at: '2026-12-02T10:00:00.000Z', tls: null });
    assert.equal('via' in direct!, false, 'a direct request keeps the record it had before');
  });

  it('keeps an unreadable time or an overlong stamp as null instead of trusting it', async () => {
    await mobileRequest(mock.url, 'users', { user: { user_id: 'alice' } }, { headers: { ...stamped, 'x-conformance-proxy-received-at': 'yesterday', 'x-conformance-tls-cipher': 'c'.repeat(300) } });
    const [record] = await mock.admin.requests();
    assert.equal(record!.via?.received_at, null);
    assert.equal(record!.via?.tls?.cipher, null);
    assert.equal(record!.via?.tls?.version, 'TLSv1.3');
  });

  it('records via on a request the mock could not read, too', async () => {
    const response = await fetch(`${mock.url}/messenger/mobile/users`, { method: 'POST', headers: { 'content-type': 'application/json', ...stamped }, body: JSON.stringify({ filler: 'f'.repeat(17 * 1024 * 1024) }) });
    assert.equal(response.status, 413);
    const [record] = await mock.admin.requests();
    assert.equal(record!.response.status, 413);
    assert.equal(record!.via?.tls?.version, 'TLSv1.3');
  });
});
