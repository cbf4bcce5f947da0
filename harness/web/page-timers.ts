import type { Page } from '@playwright/test';
import { pageScript } from './page-script.ts';

/**
 * A ledger of the page's pending timeouts and intervals, kept by the page itself, so a test that
 * drives Playwright's fake clock can step from one due timer to the next (Playwright's clock says
 * how to run time, not when the next timer is due). Installed after `page.clock.install()`, it
 * wraps the clock's fake setTimeout / setInterval / clear* in every frame, so due times are in the
 * page's fake time. Animation frames and idle callbacks are left out: they are not the app's work.
 */
function installTimerLedger(): void {
  type Ledger = { pending: Map<number, number>; nextDue(): number | null };
  const target = window as unknown as Window & { __conformanceTimers?: Ledger };
  if (target.__conformanceTimers) return;
  const pending = new Map<number, number>();
  const ledger: Ledger = {
    pending,
    nextDue: () => (pending.size ? Math.min(...pending.values()) : null),
  };
  target.__conformanceTimers = ledger;
  const fakeSetTimeout = window.setTimeout;
  const fakeSetInterval = window.setInterval;
  const fakeClearTimeout = window.clearTimeout;
  const fakeClearInterval = window.clearInterval;
  const delayOf = (delay: unknown): number => Math.max(0, Number(delay) || 0);
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    let id = 0;
    const run = typeof handler === 'function' ? (...given: unknown[]) => { pending.delete(id); (handler as (...a: unknown[]) => void)(...given); } : handler;
    id = Number(fakeSetTimeout(run as TimerHandler, delay, ...args));
    pending.set(id, Date.now() + delayOf(delay));
    return id;
  }) as typeof window.setTimeout;
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    let id = 0;
    const every = delayOf(delay);
    const run = typeof handler === 'function' ? (...given: unknown[]) => { pending.set(id, Date.now() + every); (handler as (...a: unknown[]) => void)(...given); } : handler;
    id = Number(fakeSetInterval(run as TimerHandler, delay, ...args));
    pending.set(id, Date.now() + every);
    return id;
  }) as typeof window.setInterval;
  window.clearTimeout = ((id?: number) => { pending.delete(Number(id)); fakeClearTimeout(id); }) as typeof window.clearTimeout;
  window.clearInterval = ((id?: number) => { pending.delete(Number(id)); fakeClearInterval(id); }) as typeof window.clearInterval;
}

/** Adds the ledger to every document from now on and to the page's frames now; call right after `page.clock.install()`. */
export async function trackPageTimers(page: Page): Promise<void> {
  const script = pageScript(installTimerLedger);
  await page.context().addInitScript({ content: script });
  await Promise.all(page.frames().map((frame) => frame.evaluate(script).catch(() => undefined)));
}

/** The page's earliest pending timer across its frames, in the page's fake time (ms), or null. */
export async function nextDueTimer(page: Page): Promise<number | null> {
  const dues = await Promise.all(
    page.frames().map((frame) =>
      frame.evaluate(() => (window as unknown as { __conformanceTimers?: { nextDue(): number | null } }).__conformanceTimers?.nextDue() ?? null).catch(() => null),
    ),
  );
  const known = dues.filter((due): due is number => due !== null);
  return known.length ? Math.min(...known) : null;
}
