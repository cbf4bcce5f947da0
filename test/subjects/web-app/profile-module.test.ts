import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { MockAdminClient } from '../../../harness/admin-client.ts';
import { chromiumLaunchOptions } from '../../../harness/web/browser.ts';
import { loadWebSubject } from '../../../harness/web/subject-loader.ts';
import { createMockServer, type RunningMockServer } from '../../../mock-server/index.ts';

/** The web subject's extension points: a profile module from outside, and a clear error for a bad profile. */
describe('web subject: messenger profiles without rebuilding', () => {
  let browser: Browser;
  let mock: RunningMockServer;

  before(async () => {
    const subject = await loadWebSubject();
    mock = await createMockServer({ port: 0, staticRoutes: (await subject.mockAssets?.()) ?? [], spillFile: 'reports/test/profile-module-spill.ndjson' });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  after(async () => {
    await browser.close();
    await mock.close();
  });

  async function run(options: { profile: string; profileModule?: string }) {
    const subject = await loadWebSubject();
    const app = await subject.start({ mockUrl: mock.url, appId: mock.appId, variant: 'correct', jwtTtlS: 300, jwtRefreshS: 240, ...options });
    const page = await browser.newPage();
    return { subject, app, page, close: async () => (await page.close(), await app.stop()) };
  }

  it('a profile module given by path changes the messenger: its cache survives logout', async () => {
    const admin = new MockAdminClient(mock.url);
    await admin.reset();
    const alice = await admin.user('alice');
    const { subject, app, page, close } = await run({ profile: 'correct', profileModule: resolve('test/fixtures/keeps-cache-profile.mjs') });
    try {
      await subject.open(page, app);
      await subject.logIn(page, 'alice');
      await subject.openMessenger(page);
      await subject.logOut(page);
      await page.waitForFunction(() => (window as unknown as { Intercom?: { booted?: boolean } }).Intercom?.booted === true);
      await subject.openMessenger(page);
      assert.equal(await page.evaluate(() => (window as unknown as { intercomMessengerInfo?: { profile: string } }).intercomMessengerInfo?.profile), 'external-keeps-cache');
      const shown = await page.frameLocator('#intercom-frame').locator('body').innerText();
      assert.ok(shown.includes(alice.canaries[1]!), `the visitor sees alice's cached conversation: ${shown}`);
    } finally {
      await close();
    }
  });

  it('an unknown profile name fails the first step with the message the page reports, naming the built-in ones', async () => {
    const { subject, app, page, close } = await run({ profile: 'no-such-profile' });
    try {
      await assert.rejects(subject.open(page, app), /the messenger did not start: unknown messenger profile "no-such-profile"; built-in: correct, queued-shutdown-noop/);
    } finally {
      await close();
    }
  });

  it('an unknown app variant is refused before any page loads', async () => {
    const subject = await loadWebSubject();
    await assert.rejects(subject.start({ mockUrl: mock.url, appId: mock.appId, variant: 'typo', profile: 'correct', jwtTtlS: 300, jwtRefreshS: 240 }), /unknown web app variant "typo"; choose one of correct, /);
  });

  it('WEB_SUBJECT naming a module that is not a subject fails with what is missing', async () => {
    await assert.rejects(loadWebSubject('test/fixtures/keeps-cache-profile.mjs'), /not a WebSubject \(missing start, open, logIn/);
  });
});
