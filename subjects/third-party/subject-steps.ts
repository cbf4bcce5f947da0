/**
 * The steps of the bundled third-party subjects: each clicks one of the page's controls and waits
 * on what the page and the messenger show (the page's `data-flow` / `data-user` flags, the local
 * messenger's `Intercom.pending` and its frame's `data-renders`), never on time.
 */
import type { Page } from '@playwright/test';
import type { WebSubject } from '../../harness/web/subject.ts';
import { buildWidget } from '../web-messenger/build.ts';
import { afterNextRender, messengerIdle, sendMessage } from '../web-messenger/page-hooks.ts';
import { BUILT_IN_PROFILES } from '../web-messenger/src/profiles.ts';
import { startPage, type ThirdPartyPage } from './page-server.ts';

/** Each app is written one way; the fixtures name it `correct` when no variant is asked for. */
export const THIRD_PARTY_VARIANTS = ['correct'] as const;

async function flowDone(page: Page, flows: string[], user?: string): Promise<void> {
  await page.waitForFunction(
    ([wanted, who]) => wanted!.includes(document.body.dataset['flow'] ?? '') && (who === undefined || document.body.dataset['user'] === who),
    [flows, user] as const,
  );
}

/** Marks the page busy, so the next wait sees this step's outcome, not the previous one's. */
async function acting(page: Page): Promise<void> {
  await page.locator('body').evaluate((body) => (body.dataset['flow'] = 'acting'));
}

async function messengerOpen(page: Page): Promise<boolean> {
  return page.locator('#intercom-container').isVisible();
}

export interface ThirdPartySubjectSpec {
  name: string;
  version: string;
  page: ThirdPartyPage;
  /**
   * How the app gets a new JWT: `reload` for a page that fetches one on every load and has no
   * background refresh (the snippet page); `button` for an app with its own refresh.
   */
  refresh: 'reload' | 'button';
}

export function thirdPartySubject(spec: ThirdPartySubjectSpec): WebSubject {
  const subject: WebSubject = {
    name: spec.name,
    version: spec.version,
    variants: THIRD_PARTY_VARIANTS,
    // Served by the harness's routing of the widget URL, not chosen by the page.
    profiles: Object.keys(BUILT_IN_PROFILES),

    async mockAssets() {
      return [{ path: '/widget', file: await buildWidget() }];
    },

    start: (options) => startPage(spec.page, options, THIRD_PARTY_VARIANTS),

    async open(page, app) {
      await page.goto(app.url);
      await flowDone(page, ['booted']);
      await messengerIdle(page);
    },

    async logIn(page, userId) {
      await acting(page);
      await page.click(`#login-${userId}`);
      // A page that signs in by reloading ends its page-load flow in "booted".
      await flowDone(page, ['logged-in', 'booted'], userId);
      await messengerIdle(page);
    },

    async logOut(page) {
      await acting(page);
      await page.click('#logout');
      await flowDone(page, ['logged-out', 'booted'], '');
      await messengerIdle(page);
    },

    async openMessenger(page) {
      await afterNextRender(page, () => page.click('#open-messenger'));
    },

    sendMessage,

    async refreshJwt(page) {
      if (spec.refresh === 'reload') {
        // The page's only way to a new JWT is a page load; a person would then reopen the messenger.
        const wasOpen = await messengerOpen(page);
        const user = await page.evaluate(() => document.body.dataset['user'] ?? '');
        await page.reload();
        await flowDone(page, ['booted'], user);
        await messengerIdle(page);
        if (wasOpen) await subject.openMessenger(page);
        return;
      }
      const before = await subject.refreshCount(page);
      await page.click('#refresh-jwt');
      await page.waitForFunction((count) => Number(document.body.dataset['refreshes'] ?? 0) > count, before);
      await messengerIdle(page);
    },

    async refreshCount(page) {
      return page.evaluate(() => Number(document.body.dataset['refreshes'] ?? 0));
    },
  };
  return subject;
}
