/**
 * What a subject's steps may rely on about the local messenger (the one the harness serves at
 * Intercom's widget URL): when it is idle, when its frame has rendered, and how to open it and
 * send through its own UI. Every wait is on something the messenger shows (`window.Intercom`
 * replacing the loader's queue stub, its `pending` count of unfinished commands, the frame body's
 * `data-renders` count of settled renders), never on time; each gives up with the step's timeout.
 *
 * Exported as `intercom-identity-conformance/messenger-hooks`.
 */
import type { Page } from '@playwright/test';

/** The messenger frame's id, as Intercom's own frame is found by tests. */
const FRAME = '#intercom-frame';

/**
 * Resolves once the local messenger has replaced the loader's queue stub and finished every
 * command issued so far (a boot's first render, an update's re-render), so a step never races the
 * messenger's reaction to the previous one. A messenger that failed to start (its
 * `window.intercomMessengerInfo.error`) is thrown with its reason; a stub never replaced (the
 * widget URL not answered) keeps this waiting until the step times out.
 */
export async function messengerIdle(page: Page): Promise<void> {
  const outcome = await (await page.waitForFunction(() => {
    const info = (window as unknown as { intercomMessengerInfo?: { error?: string } }).intercomMessengerInfo;
    if (info?.error) return info.error;
    const intercom = (window as unknown as { Intercom?: ((...args: unknown[]) => unknown) & { q?: unknown; pending?: number } }).Intercom;
    return typeof intercom === 'function' && !('q' in intercom) && intercom.pending === 0;
  })).jsonValue();
  if (typeof outcome === 'string') throw new Error(`the messenger did not start: ${outcome}`);
}

/** Runs `action` and resolves once the messenger frame has rendered once more and the messenger is idle. */
export async function afterNextRender(page: Page, action: () => Promise<void>): Promise<void> {
  const body = page.frameLocator(FRAME).locator('body');
  const before = (await page.locator(FRAME).count()) ? Number((await body.getAttribute('data-renders')) ?? 0) : 0;
  await action();
  await page.frameLocator(FRAME).locator(`body[data-renders="${before + 1}"]`).waitFor();
  await messengerIdle(page);
}

/**
 * Opens the messenger as an app's own "Help" button would, with `window.Intercom('show')`, and
 * resolves once what it shows (the signed-in user's conversations, or a visitor's) is settled.
 */
export async function openMessenger(page: Page): Promise<void> {
  await messengerIdle(page);
  await afterNextRender(page, () => page.evaluate(() => void (window as unknown as { Intercom: (command: string) => void }).Intercom('show')));
}

/** Types `text` into the open messenger's composer, presses its send button and resolves once the sent message is shown. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const frame = page.frameLocator(FRAME);
  await frame.locator('#composer').fill(text);
  await afterNextRender(page, () => frame.locator('#send').click());
}
