/**
 * The bundled web subject: the reference app with the local web messenger. Selected by default
 * (WEB_SUBJECT unset); its variants and the messenger's profiles are listed in the README.
 */
import type { Page } from '@playwright/test';
import type { WebSubject } from '../../harness/web/subject.ts';
import { buildWidget } from '../web-messenger/build.ts';
import { afterNextRender, messengerIdle, sendMessage } from '../web-messenger/page-hooks.ts';
import { BUILT_IN_PROFILES } from '../web-messenger/src/profiles.ts';
import { APP_VARIANTS } from './src/config.ts';
import { startWebApp } from './server.ts';

async function flowDone(page: Page, flows: string[], user?: string): Promise<void> {
  await page.waitForFunction(
    ([wanted, who]) => wanted!.includes(document.body.dataset['flow'] ?? '') && (who === undefined || document.body.dataset['user'] === who),
    [flows, user] as const,
  );
}

const referenceWebApp: WebSubject = {
  name: 'reference-web-app',
  // The bundled app and messenger move with the project; a team's subject reports its SDK's version.
  version: '0.1.0',
  variants: APP_VARIANTS,
  profiles: Object.keys(BUILT_IN_PROFILES),

  async mockAssets() {
    return [{ path: '/widget', file: await buildWidget() }];
  },

  start: startWebApp,

  async open(page, app) {
    await page.goto(app.url);
    await flowDone(page, ['booted']);
    await messengerIdle(page);
  },

  async logIn(page, userId) {
    await page.locator('body').evaluate((body) => (body.dataset['flow'] = 'acting'));
    await page.click(`#login-${userId}`);
    // The reload-only variant signs in by reloading; its page-load flow ends in "booted".
    await flowDone(page, ['logged-in', 'booted'], userId);
    await messengerIdle(page);
  },

  async logOut(page) {
    await page.locator('body').evaluate((body) => (body.dataset['flow'] = 'acting'));
    await page.click('#logout');
    await flowDone(page, ['logged-out', 'booted'], '');
    await messengerIdle(page);
  },

  async openMessenger(page) {
    await afterNextRender(page, () => page.click('#open-messenger'));
  },

  sendMessage,

  async refreshJwt(page) {
    const before = await this.refreshCount(page);
    await page.click('#refresh-jwt');
    await page.waitForFunction((count) => Number(document.body.dataset['refreshes'] ?? 0) > count, before);
    await messengerIdle(page);
  },

  async refreshCount(page) {
    return page.evaluate(() => Number(document.body.dataset['refreshes'] ?? 0));
  },
};

export default referenceWebApp;
