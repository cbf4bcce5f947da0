import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Request, Route, WebSocketRoute } from '@playwright/test';
import { fingerprint } from '../../mock-server/identity/fingerprint.ts';
import type { MockAdminClient } from '../admin-client.ts';
import type { SendOrderPoint } from '../oracles/index.ts';
import { CALL_REPORT_PATH, observeIntercomCalls, type IntercomCallReport, type ObservedCommand } from './intercom-call-observer.ts';
import { isIntercomUrl, widgetAppId, WIDGET_HOST } from '../../mock-server/intercom-hosts.ts';
import { pageScript } from './page-script.ts';

/** One `Intercom(...)` call the page made, placed in send order. */
export interface IntercomCall extends SendOrderPoint {
  command: ObservedCommand;
  /** Fingerprint of the JWT the call's settings carried (as the journal shows tokens), or null. */
  jwtFingerprint: string | null;
  userId: string | null;
  url: string;
}

/** A request of the page that never got an answer: the host, and the browser's reason. */
export interface FailedRequest {
  url: string;
  host: string;
  error: string;
}

export interface IntercomRoutingOptions {
  mockUrl: string;
  admin: MockAdminClient;
  /** The messenger profile the widget loader serves: a built-in name, or a module file of the team's. */
  profile: { name: string } | { moduleFile: string };
  /** Time each messenger request spends on the way to the mock, after it was sent (a slow network). Default 0. */
  latencyMs?: number;
  /**
   * A network condition of your own: runs for each messenger request after it has its place in send
   * order and before it reaches the mock (hold a request back, say, to see it land after a logout).
   */
  inTransit?: (request: Request) => Promise<void>;
}

const PROFILE_MODULE_PATH = '/__intercom-conformance/profile-module.js';
const SENT = 'x-conformance-sent';
const HOST = 'x-conformance-host';

/**
 * Answers every request a page makes to Intercom's hosts locally, so an app written for
 * production Intercom runs unchanged against the mock, and numbers every messenger request in
 * the order the page sent it (the mock journals the number as `sent`):
 * - `https://widget.intercom.io/widget/<app_id>` serves the local messenger from the mock, with
 *   the run's profile;
 * - every other Intercom URL reaches the mock with its original path, method and body, stamped
 *   with the host the page addressed; the mock answers the routes it models and journals the rest
 *   as unmodelled;
 * - the realtime websockets are journaled and closed (the mock has no realtime channel);
 * - requests to the mock's own messenger routes (a page whose api_base is the mock) are numbered
 *   too, and the page's `Intercom('boot' | 'update' | 'shutdown')` calls are placed among them.
 * Nothing leaves the machine. Built on the context's own routing, so it covers every page and frame.
 */
export class IntercomRouting {
  readonly calls: IntercomCall[] = [];
  readonly failures: FailedRequest[] = [];
  private sentCount = 0;
  private started = 0;
  private ended = 0;
  private readonly quietWaiters = new Set<() => void>();
  private readonly mockOrigin: string;

  private constructor(private readonly options: IntercomRoutingOptions) {
    this.mockOrigin = new URL(options.mockUrl).origin;
  }

  static async install(context: BrowserContext, options: IntercomRoutingOptions): Promise<IntercomRouting> {
    const routing = new IntercomRouting(options);
    context.on('request', () => routing.started++);
    context.on('requestfinished', () => routing.requestEnded());
    context.on('requestfailed', (request) => routing.requestFailed(request));
    await context.addInitScript({ content: pageScript(observeIntercomCalls, CALL_REPORT_PATH) });
    await context.route((url) => url.pathname === CALL_REPORT_PATH, (route) => routing.placeCall(route));
    await context.route(isIntercomUrl, (route) => routing.answerIntercom(route));
    await context.route((url) => url.origin === routing.mockOrigin && url.pathname.startsWith('/messenger/'), (route) => routing.numberMockRequest(route));
    await context.routeWebSocket(isIntercomUrl, (socket) => routing.answerWebSocket(socket));
    return routing;
  }

  /** How many requests (and calls) have been numbered: a mark taken now sits after all of them. */
  get sent(): number {
    return this.sentCount;
  }

  /** Requests the page has started since the routing was installed (any host). */
  get requestsStarted(): number {
    return this.started;
  }

  /** Requests the page has started and that have neither finished nor failed. */
  get inFlight(): number {
    return this.started - this.ended;
  }

  /** Resolves once no request of the page is in flight; false when `timeoutMs` passed first. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done: (() => void) | undefined;
    const quiet = new Promise<boolean>((resolve) => {
      done = () => resolve(true);
      this.quietWaiters.add(done);
    });
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const outcome = await Promise.race([quiet, late]);
    clearTimeout(timer);
    this.quietWaiters.delete(done!);
    return outcome;
  }

  /** The page's calls of one command made after a point in send order, oldest first. */
  callsAfter(point: SendOrderPoint, command: ObservedCommand): IntercomCall[] {
    const from = point.sent;
    return this.calls.filter((call) => call.command === command && typeof from === 'number' && call.sent! > from);
  }

  /** One line for an error message: what kept the page's messenger traffic from the mock, if anything. */
  async trouble(page: Page): Promise<string | null> {
    const reasons: string[] = [];
    const failed = this.failures.slice(-5).map((failure) => `${failure.host} (${failure.error}: ${failure.url})`);
    if (failed.length) reasons.push(`requests that failed: ${failed.join('; ')}${this.failures.length > 5 ? ` and ${this.failures.length - 5} more` : ''}`);
    const intercom = await page
      .evaluate(() => {
        const value = (window as unknown as { Intercom?: unknown }).Intercom;
        if (value === undefined) return 'window.Intercom is not defined: the page never installed the loader';
        if (typeof value === 'function' && 'q' in value) return "window.Intercom is still the loader's queue stub: the messenger script never loaded or never started";
        return null;
      })
      .catch(() => null);
    if (intercom) reasons.push(intercom);
    return reasons.length ? reasons.join('; ') : null;
  }

  private async inTransit(request: Request): Promise<void> {
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    await this.options.inTransit?.(request);
  }

  private nextSent(): number {
    return ++this.sentCount;
  }

  private requestEnded(): void {
    this.ended++;
    if (this.inFlight > 0) return;
    for (const resolve of this.quietWaiters) resolve();
    this.quietWaiters.clear();
  }

  private requestFailed(request: Request): void {
    const url = new URL(request.url());
    // The report of a call the observer made while the page unloaded is no failure of the app's.
    if (url.pathname !== CALL_REPORT_PATH) this.failures.push({ url: request.url(), host: url.host, error: request.failure()?.errorText ?? 'failed' });
    this.requestEnded();
  }

  private async placeCall(route: Route): Promise<void> {
    const sent = this.nextSent();
    let report: IntercomCallReport;
    try {
      report = JSON.parse(route.request().postData() ?? '') as IntercomCallReport;
    } catch {
      await route.fulfill({ status: 400, body: 'not a call report' });
      return;
    }
    // Awaited before answering: the page is blocked in the report until its call has its place.
    const mark = await this.options.admin.mark(`${report.command}@${sent}`, sent);
    this.calls.push({
      command: report.command,
      sent,
      seq: mark.seq,
      jwtFingerprint: report.jwt ? fingerprint(report.jwt) : null,
      userId: report.user_id,
      url: report.url,
    });
    await route.fulfill({ status: 204 });
  }

  private async answerIntercom(route: Route): Promise<void> {
    // Numbered before anything is awaited: the order of numbers is the order the page sent in.
    const sent = this.nextSent();
    const request = route.request();
    const url = new URL(request.url());
    const headers = { ...(await request.allHeaders()), [HOST]: url.host, [SENT]: String(sent) };
    await this.inTransit(request);
    let target = `${this.options.mockUrl}${url.pathname}${url.search}`;
    if (url.hostname === WIDGET_HOST && url.pathname === PROFILE_MODULE_PATH && 'moduleFile' in this.options.profile) {
      await route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: await readFile(this.options.profile.moduleFile, 'utf8') });
      return;
    }
    const appId = widgetAppId(url);
    if (appId !== null) target = `${this.options.mockUrl}/widget/${encodeURIComponent(appId)}?${this.widgetQuery(url)}`;
    try {
      const response = await route.fetch({ url: target, headers });
      await route.fulfill({ response });
    } catch (error) {
      this.failures.push({ url: request.url(), host: url.host, error: `the mock did not answer: ${(error as Error).message.split('\n')[0]}` });
      await route.abort('connectionrefused').catch(() => undefined);
    }
  }

  /** The profile rides on the widget URL (the local messenger reads it there), after the page's own query. */
  private widgetQuery(url: URL): string {
    const query = new URLSearchParams(url.search);
    if ('name' in this.options.profile) query.set('profile', this.options.profile.name);
    else query.set('profile_module', `https://${WIDGET_HOST}${PROFILE_MODULE_PATH}`);
    return query.toString();
  }

  private async numberMockRequest(route: Route): Promise<void> {
    const sent = this.nextSent();
    const headers = { ...(await route.request().allHeaders()), [SENT]: String(sent) };
    await this.inTransit(route.request());
    await route.continue({ headers });
  }

  private async answerWebSocket(socket: WebSocketRoute): Promise<void> {
    const sent = this.nextSent();
    const url = new URL(socket.url());
    // Journaled as an unmodelled request to its host, then closed as a server would that has no realtime channel.
    await fetch(`${this.options.mockUrl}${url.pathname}${url.search}`, { headers: { [HOST]: url.host, [SENT]: String(sent) } }).catch(() => undefined);
    await socket.close({ code: 1011, reason: 'the mock models no realtime channel' });
  }
}
