import type { Page } from '@playwright/test';
import type { MockAdminClient } from '../admin-client.ts';
import type { IntercomRouting } from './intercom-routing.ts';
import { nextDueTimer, trackPageTimers } from './page-timers.ts';

/** Network quiet this long, with nothing in flight, counts as settled (as Playwright's `networkidle`, shorter). */
const QUIET_MS = 25;
/** A page whose requests never stop coming (a long poll) cannot be stepped: the run says so after this long. */
const SETTLE_TIMEOUT_MS = 10_000;
/** A page that schedules timers without end (a 0 ms loop) stops the run with this many steps. */
const MAX_STEPS = 20_000;

/**
 * The page's clock and the mock's, moved together. Playwright's fake clock runs in real time
 * while the page loads (a loader that inserts its script from `setTimeout(…, 0)` still loads);
 * `pause()` then stops both at one instant, and `runUntil()` steps both to each due timer of the
 * page in turn, holding the mock at that instant and letting the requests the timer caused settle
 * before the next one runs. So the mock's time at receipt is the app's time at send: a refresh
 * 10 s before expiry lands before the poll due at expiry, as it would in real time.
 */
export class SyncedClock {
  private now = 0;
  private steps = 0;

  private constructor(
    private readonly page: Page,
    private readonly admin: MockAdminClient,
    private readonly routing: IntercomRouting,
  ) {}

  /** Installs Playwright's clock on the page, running; call before the page's first navigation. */
  static async install(page: Page, admin: MockAdminClient, routing: IntercomRouting): Promise<SyncedClock> {
    await page.clock.install({ time: Date.now() });
    await trackPageTimers(page);
    return new SyncedClock(page, admin, routing);
  }

  /** The page's (and the mock's) time once paused, ms since the epoch. */
  get time(): number {
    return this.now;
  }

  /** Timers run so far by `runUntil`. */
  get timersRun(): number {
    return this.steps;
  }

  /** Stops both clocks at the same instant, a moment from the page's now, once the page's load flow ran. */
  async pause(): Promise<number> {
    const at = Math.ceil(await this.page.evaluate(() => Date.now())) + 1000;
    await this.admin.clock({ hold_at_ms: at });
    await this.page.clock.pauseAt(at);
    this.now = at;
    await this.settle();
    return at;
  }

  /** Runs both clocks to `until` (ms since the epoch), stopping at every due timer of the page. */
  async runUntil(until: number): Promise<void> {
    if (!this.now) throw new Error('SyncedClock.runUntil: pause() the clocks first, once the page has loaded');
    for (;;) {
      const due = await nextDueTimer(this.page);
      if (due === null || due > until) break;
      await this.moveTo(Math.max(due, this.now));
      if (++this.steps > MAX_STEPS) throw new Error(`the page kept scheduling timers: ${MAX_STEPS} ran before ${new Date(until).toISOString()} (a timer loop with no delay?)`);
    }
    await this.moveTo(until);
  }

  private async moveTo(to: number): Promise<void> {
    if (to > this.now) await this.admin.clock({ hold_at_ms: to });
    await this.page.clock.runFor(to - this.now);
    this.now = to;
    await this.settle();
  }

  /** Waits until the page's requests are answered and no new one follows within QUIET_MS. */
  private async settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the page's traffic did not settle within ${SETTLE_TIMEOUT_MS / 1000} s at ${new Date(this.now).toISOString()} (${this.routing.inFlight} requests in flight)`);
      await this.routing.idle(Math.max(0, deadline - Date.now()));
      const started = this.routing.requestsStarted;
      // A task in every frame, then a quiet spell: a response's handler has had its turn to send the next request.
      await Promise.all(this.page.frames().map((frame) => frame.evaluate(macrotask).catch(() => undefined)));
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      if (this.routing.inFlight === 0 && this.routing.requestsStarted === started) return;
    }
  }
}

function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
