import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { MockAdminClient } from '../../../harness/admin-client.ts';
import { chromiumLaunchOptions } from '../../../harness/web/browser.ts';
import { IntercomRouting } from '../../../harness/web/intercom-routing.ts';
import { handOvers, recordsSentAfter } from '../../../harness/oracles/index.ts';
import { loadWebSubject } from '../../../harness/web/subject-loader.ts';
import { createMockServer, type RunningMockServer } from '../../../mock-server/index.ts';

/**
 * A page written for production Intercom: the loader stub, Intercom's widget URL, the EU API host
 * in its settings. Nothing in it knows the mock.
 */
function productionPage(appId: string): string {
  return `<!doctype html><html><body><p id="state">loading</p><script>
  window.Intercom = function () { window.Intercom.q.push(arguments); };
  window.Intercom.q = [];
  const script = document.createElement('script');
  script.src = 'https://widget.intercom.io/widget/${appId}';
  document.head.appendChild(script);
  window.bootAs = (jwt) => Intercom('boot', { app_id: '${appId}', api_base: 'https://api-iam.eu.intercom.io', intercom_user_jwt: jwt });
  </script></body></html>`;
}

describe('browser routing of Intercom hosts to the mock', () => {
  let browser: Browser;
  let mock: RunningMockServer;
  let admin: MockAdminClient;
  let site: Server;
  let siteUrl: string;
  let context: BrowserContext;
  let page: Page;
  let routing: IntercomRouting;

  before(async () => {
    const subject = await loadWebSubject();
    mock = await createMockServer({ port: 0, staticRoutes: (await subject.mockAssets?.()) ?? [], spillFile: 'reports/test/routing-spill.ndjson' });
    admin = new MockAdminClient(mock.url);
    site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(productionPage(mock.appId)));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await browser.close();
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    await mock.close().catch(() => undefined);
  });
  beforeEach(async () => {
    await admin.reset();
    await context?.close();
    context = await browser.newContext();
    routing = await IntercomRouting.install(context, { mockUrl: mock.url, admin, profile: { name: 'correct' } });
    page = await context.newPage();
  });

  async function messengerReady(): Promise<void> {
    await page.waitForFunction(() => {
      const intercom = (window as unknown as { Intercom?: ((...args: unknown[]) => unknown) & { q?: unknown; pending?: number } }).Intercom;
      return typeof intercom === 'function' && !('q' in intercom) && intercom.pending === 0;
    });
  }

  it("serves Intercom's widget URL with the local messenger, and the page's API host reaches the mock's routes, host recorded", async () => {
    await page.goto(siteUrl);
    await messengerReady();
    const { token } = await admin.token('alice');
    await page.evaluate((jwt) => (window as unknown as { bootAs(jwt: string): void }).bootAs(jwt), token);
    const [ping] = await admin.waitForRequests({ path: '/messenger/web/ping', count: 1 });
    assert.equal(ping!.host, 'api-iam.eu.intercom.io');
    assert.equal(ping!.identity.user_id, 'alice');
    assert.equal(typeof ping!.sent, 'number');
    assert.equal(await page.evaluate(() => (window as unknown as { intercomMessengerInfo?: { profile: string } }).intercomMessengerInfo?.profile), 'correct');
    assert.deepEqual(routing.failures, []);
  });

  it('journals what the mock does not model, websockets included, and nothing leaves the machine', async () => {
    await page.goto(siteUrl);
    await page.evaluate(async () => {
      await fetch('https://js.intercomcdn.com/frame-modern.1a2b.js').catch(() => undefined);
      await new Promise<void>((resolve) => {
        const socket = new WebSocket('wss://nexus-websocket-a.intercom.io/pubsub/5-abc');
        socket.onclose = () => resolve();
        socket.onerror = () => resolve();
      });
    });
    const records = await admin.waitForRequests({ count: 2 });
    const hosts = records.filter((record) => record.unmodelled).map((record) => `${record.host}${record.path}`);
    assert.deepEqual(hosts.sort(), ['js.intercomcdn.com/frame-modern.1a2b.js', 'nexus-websocket-a.intercom.io/pubsub/5-abc']);
  });

  it("places the page's shutdown call in send order: a request sent before it stays before, though it lands after", async () => {
    // The event is held on the way until the page has called shutdown: it lands after, though sent before.
    let release = (): void => undefined;
    const shutdownCalled = new Promise<void>((resolve) => (release = resolve));
    let held = (): void => undefined;
    const eventHeld = new Promise<void>((resolve) => (held = resolve));
    await context.close();
    context = await browser.newContext();
    routing = await IntercomRouting.install(context, {
      mockUrl: mock.url,
      admin,
      profile: { name: 'correct' },
      inTransit: (request) => {
        if (!request.url().endsWith('/events')) return Promise.resolve();
        held();
        return shutdownCalled;
      },
    });
    page = await context.newPage();
    await page.goto(siteUrl);
    await messengerReady();
    const { token } = await admin.token('alice');
    await page.evaluate((jwt) => (window as unknown as { bootAs(jwt: string): void }).bootAs(jwt), token);
    await messengerReady();
    // Not awaited in the page: the local messenger's call returns its queue's promise, which waits on the held event.
    await page.evaluate(() => {
      (window as unknown as { Intercom(...args: unknown[]): void }).Intercom('trackEvent', 'signed-out');
    });
    await eventHeld;
    await page.evaluate(() => {
      const intercom = (window as unknown as { Intercom(...args: unknown[]): void }).Intercom;
      intercom('shutdown');
      intercom('boot', { app_id: 'mockapp1', api_base: 'https://api-iam.eu.intercom.io' });
    });
    release();
    await messengerReady();
    const shutdown = routing.calls.find((call) => call.command === 'shutdown');
    assert.ok(shutdown, 'the shutdown call was observed');
    const records = await admin.requests();
    const event = records.find((record) => record.path.endsWith('/events'))!;
    const visitorPing = records.filter((record) => record.path.endsWith('/ping')).at(-1)!;
    assert.ok(event.seq > shutdown.seq, 'the event landed after the shutdown call');
    assert.ok(event.sent! < shutdown.sent!, 'and was sent before it');
    assert.ok(visitorPing.sent! > shutdown.sent!, 'the visitor boot was sent after it');
    assert.deepEqual(recordsSentAfter(records, shutdown).map((record) => record.identity.kind), ['lead'], 'after shutdown only the visitor speaks');
    assert.ok((await admin.marks()).some((mark) => mark.label === `shutdown@${shutdown.sent}` && mark.sent === shutdown.sent), 'the call is a mark in the journal');
  });

  it("takes a refresh point at the app's update call carrying the new JWT", async () => {
    await page.goto(siteUrl);
    await messengerReady();
    const first = await admin.token('alice', { ttl_s: 300 });
    await page.evaluate((jwt) => (window as unknown as { bootAs(jwt: string): void }).bootAs(jwt), first.token);
    const second = await admin.token('alice', { ttl_s: 600 });
    await page.evaluate((jwt) => (window as unknown as { Intercom(...args: unknown[]): void }).Intercom('update', { intercom_user_jwt: jwt }), second.token);
    await messengerReady();
    const update = routing.calls.find((call) => call.command === 'update')!;
    const points = handOvers('alice', routing.calls, await admin.requests(), await admin.issuedTokens('alice'));
    assert.deepEqual(points.map((point) => point.fingerprint), [first.fingerprint, second.fingerprint]);
    assert.equal(points[1]!.sent, update.sent, 'the hand-over is the update call, not a later request');
  });

  it('names the requests that failed and a loader stub never replaced, for an ERROR reason', async () => {
    await mock.close().catch(() => undefined);
    await page.goto(siteUrl);
    await page.waitForFunction(() => document.readyState === 'complete');
    const trouble = await routing.trouble(page);
    assert.match(trouble ?? '', /widget\.intercom\.io \(the mock did not answer/);
    assert.match(trouble ?? '', /still the loader's queue stub/);
  });
});
