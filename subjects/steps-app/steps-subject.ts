/**
 * A team's own web app as a WebSubject, from its URL and a steps file (--web-url, --web-steps):
 * the steps say how to sign in, sign out and refresh the JWT; the rest comes from the messenger
 * page hooks (opening the messenger with `Intercom('show')`, sending through its composer) and
 * from the harness (routing Intercom's hosts to the mock, waiting on the journal).
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { WebSubject } from '../../harness/web/subject.ts';
import { loadWebSteps, wholeError, type PageStep, type UserStep, type WebSteps } from '../../harness/web/web-steps.ts';
import { BUILT_IN_PROFILES } from '../web-messenger/src/profiles.ts';
import { afterNextRender, messengerIdle, openMessenger, sendMessage } from '../web-messenger/page-hooks.ts';

/** How long the app's URL gets to answer before the run is refused. */
export const URL_ANSWER_TIMEOUT_MS = 5_000;

/** The app is the team's, written one way. */
const VARIANTS = ['correct'] as const;

/** The URL, checked to be http(s) and to answer (any status below 400) within a few seconds. */
export async function answeringUrl(url: string): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--web-url ${url} is not a URL (e.g. http://127.0.0.1:3000/)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`--web-url ${url} is not an http(s) URL`);
  let response: Response;
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(URL_ANSWER_TIMEOUT_MS), redirect: 'follow' });
    await response.body?.cancel();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Error(`--web-url ${url} did not answer${timedOut ? ` within ${URL_ANSWER_TIMEOUT_MS / 1000} s` : ''}: ${wholeError(error)} (is the app running?)`);
  }
  if (response.status >= 400) throw new Error(`--web-url ${url} answered ${response.status} ${response.statusText}; give the URL of the page that loads Intercom`);
  return parsed;
}

async function runStep(page: Page, step: PageStep | UserStep, userId?: string): Promise<void> {
  if (typeof step === 'function') return step(page, userId ?? '');
  const fill = (selector: string): string => (userId === undefined ? selector : selector.replaceAll('{user}', userId));
  for (const selector of typeof step.click === 'string' ? [step.click] : step.click) await page.locator(fill(selector)).first().click();
  if (step.waitFor) await page.locator(fill(step.waitFor)).first().waitFor({ state: 'visible' });
}

function refreshCounter(steps: WebSteps, file: string): (page: Page) => Promise<number> {
  const count = steps.refreshCount;
  if (!count) {
    return async () => {
      throw new Error(`the steps file ${file} has no refreshCount step, so the app's refreshes cannot be counted (add refreshCount: { count: '<selector>' })`);
    };
  }
  if (typeof count === 'function') return count;
  return async (page) => {
    const text = ((await page.locator(count.count).first().textContent()) ?? '').trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) throw new Error(`refreshCount: ${count.count} shows "${text}", not a number`);
    return value;
  };
}

/** The subject: `<name or URL host name>@<version or unversioned>`. Refuses a URL that does not answer and a steps file that is not usable. */
export async function stepsAppSubject(url: string, stepsFile: string): Promise<WebSubject> {
  const steps = await loadWebSteps(stepsFile);
  const appUrl = await answeringUrl(url);
  const refreshCount = refreshCounter(steps, stepsFile);
  return {
    name: steps.name ?? appUrl.hostname,
    ...(steps.version ? { version: steps.version } : {}),
    ...(steps.appId ? { appId: steps.appId } : {}),
    variants: VARIANTS,
    // The harness's routing serves Intercom's widget URL with the run's profile; the app does not choose it.
    profiles: Object.keys(BUILT_IN_PROFILES),

    async start(options) {
      if (!(VARIANTS as readonly string[]).includes(options.variant)) throw new Error(`unknown variant "${options.variant}"; an app at --web-url has only ${VARIANTS.join(', ')}`);
      // The team's app runs on its own; nothing to start or stop.
      return { url, stop: async () => {} };
    },

    async open(page, app) {
      await page.goto(app.url);
      await messengerIdle(page);
    },

    async logIn(page, userId) {
      await runStep(page, steps.logIn, userId);
      await messengerIdle(page);
    },

    async logOut(page) {
      await runStep(page, steps.logOut);
      await messengerIdle(page);
    },

    async openMessenger(page) {
      const own = steps.openMessenger;
      if (!own) return openMessenger(page);
      await messengerIdle(page);
      await afterNextRender(page, () => runStep(page, own));
    },

    sendMessage: steps.sendMessage ?? sendMessage,

    async refreshJwt(page) {
      const own = steps.refreshJwt;
      if (!own) throw new Error(`the steps file ${stepsFile} has no refreshJwt step, so this check cannot refresh the JWT (add refreshJwt)`);
      const before = steps.refreshCount ? await refreshCount(page) : null;
      await runStep(page, own);
      if (before !== null) await expect.poll(() => refreshCount(page), { message: `the app's refresh count (from ${before}) after refreshJwt` }).toBeGreaterThan(before);
      await messengerIdle(page);
    },

    refreshCount,
  };
}
