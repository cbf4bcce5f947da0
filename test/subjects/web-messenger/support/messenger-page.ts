/**
 * A browser page with the local messenger on it, loaded the way a page chooses (classic snippet,
 * a hand-written stub, a settings global, …), against real mock servers on loopback. The page is
 * served from its own origin, so every messenger request is cross-origin as in a real install.
 */
import { after, before } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { MockAdminClient } from '../../../../harness/admin-client.ts';
import { chromiumLaunchOptions } from '../../../../harness/web/browser.ts';
import { createMockServer, type RunningMockServer } from '../../../../mock-server/index.ts';
import { buildWidget } from '../../../../subjects/web-messenger/build.ts';

export interface Mock {
  server: RunningMockServer;
  admin: MockAdminClient;
  url: string;
  appId: string;
}

export interface MessengerPage {
  page: Page;
  /** Console warnings and errors the page printed, as `type: text` (a refused request's own line aside: the mock refuses unverified identities). */
  console: string[];
}

export interface Harness {
  mocks: Mock[];
  /** Opens `body` (HTML) on the page server, served with the given extra files (path → JavaScript). */
  open(body: string, files?: Record<string, string>): Promise<MessengerPage>;
  /** The widget's URL on mock `index`, with a query (`?profile=…`). */
  widgetUrl(query?: string, index?: number): string;
  /** The page server's origin, for modules the page imports. */
  pageOrigin(): string;
}

/** One browser, `mockCount` mocks serving the widget, and a page server, per test file. */
export function useMessengerPages(mockCount = 1): Harness {
  let browser: Browser;
  let pageServer: Server;
  let origin = '';
  let pages: Record<string, { type: string; body: string }> = {};
  const opened: Page[] = [];
  const harness: Harness = {
    mocks: [],
    async open(body, files = {}) {
      pages = { '/': { type: 'text/html', body: `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>` } };
      for (const [path, source] of Object.entries(files)) pages[path] = { type: 'text/javascript', body: source };
      const page = await browser.newPage();
      opened.push(page);
      const printed: string[] = [];
      page.on('console', (message) => {
        if (message.text().startsWith('Failed to load resource')) return;
        if (message.type() === 'warning' || message.type() === 'error') printed.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => printed.push(`pageerror: ${error.message}`));
      await page.goto(`${origin}/`);
      return { page, console: printed };
    },
    widgetUrl(query = '', index = 0) {
      const mock = harness.mocks[index]!;
      return `${mock.url}/widget/${encodeURIComponent(mock.appId)}${query}`;
    },
    pageOrigin: () => origin,
  };

  before(async () => {
    const widget = await buildWidget();
    for (let index = 0; index < mockCount; index++) {
      const spillFile = join(mkdtempSync(join(tmpdir(), 'messenger-page-')), 'spill.ndjson');
      const server = await createMockServer({ port: 0, spillFile, seed: 'tests', staticRoutes: [{ path: '/widget', file: widget }] });
      harness.mocks.push({ server, admin: new MockAdminClient(server.url), url: server.url, appId: server.appId });
    }
    pageServer = createServer((req, res) => {
      const served = pages[new URL(req.url ?? '/', 'http://page').pathname];
      if (!served) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': `${served.type}; charset=utf-8`, 'cache-control': 'no-store' }).end(served.body);
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await browser.close();
    pageServer.closeAllConnections();
    await new Promise<void>((resolve) => pageServer.close(() => resolve()));
    for (const mock of harness.mocks) await mock.server.close();
  });
  return harness;
}

/** Resolves once the widget replaced the stub and finished every command issued so far. */
export async function messengerIdle(page: Page): Promise<void> {
  const outcome = await page.waitForFunction(() => {
    const info = window.intercomMessengerInfo;
    if (info?.error) return info.error;
    const intercom = window.Intercom;
    return typeof intercom === 'function' && !('q' in intercom) && intercom.pending === 0;
  });
  const value = await outcome.jsonValue();
  if (typeof value === 'string') throw new Error(`the messenger did not start: ${value}`);
}

/** Runs `Intercom(command, …args)` in the page and waits until the messenger is idle again. */
export async function intercom(page: Page, command: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(([name, rest]) => void window.Intercom!(name as string, ...(rest as unknown[])), [command, args] as const);
  await messengerIdle(page);
}

/** The official install snippet (Intercom's install docs), with the widget URL given. */
export function installSnippet(widgetUrl: string): string {
  return `(function(){var w=window;var ic=w.Intercom;if(typeof ic==="function"){ic('reattach_activator');ic('update',w.intercomSettings);}else{var d=document;var i=function(){i.c(arguments);};i.q=[];i.c=function(args){i.q.push(args);};w.Intercom=i;var l=function(){var s=d.createElement('script');s.type='text/javascript';s.async=true;s.src=${JSON.stringify(widgetUrl)};var x=d.getElementsByTagName('script')[0];x.parentNode.insertBefore(s,x);};if(document.readyState==='complete'){l();}else if(w.attachEvent){w.attachEvent('onload',l);}else{w.addEventListener('load',l,false);}}})();`;
}

/** A page script: `window.intercomSettings = settings` (when given), then the install snippet. */
export function classicInstall(widgetUrl: string, settings?: Record<string, unknown>): string {
  const global = settings ? `window.intercomSettings = ${JSON.stringify(settings)};` : '';
  return `<script>${global}${installSnippet(widgetUrl)}</script>`;
}

/** Messenger requests journaled at a mock for one endpoint (`ping`, `conversations`, …). */
export async function journaled(mock: Mock, endpoint: string) {
  return mock.admin.requests({ path: `/messenger/web/${endpoint}` });
}
