import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { classicInstall, intercom, journaled, messengerIdle, useMessengerPages } from './support/messenger-page.ts';

/**
 * What shutdown does to window.intercomSettings, and what the next boot reads: the real widget
 * leaves the global to the page (react-use-intercom PR #481, docs/intercom-behaviour.md), so the
 * correct messenger does too, and a leftover global only leaks through a faulty messenger.
 */
describe('web messenger: shutdown and window.intercomSettings', () => {
  const pages = useMessengerPages(1);
  beforeEach(async () => {
    await pages.mocks[0]!.admin.reset();
  });

  async function aliceJwt(): Promise<string> {
    return (await pages.mocks[0]!.admin.token('alice')).token;
  }

  it('correct: shutdown leaves the page\'s window.intercomSettings, and a visitor boot after it sends no JWT', async () => {
    const mock = pages.mocks[0]!;
    const settings = { app_id: mock.appId, api_base: mock.url, intercom_user_jwt: await aliceJwt() };
    const { page } = await pages.open(classicInstall(pages.widgetUrl(), settings));
    await messengerIdle(page);
    await intercom(page, 'shutdown');
    assert.deepEqual(await page.evaluate(() => window.intercomSettings), settings, 'the global is the page\'s: shutdown does not touch it');
    await intercom(page, 'boot', { app_id: mock.appId, api_base: mock.url });
    const pings = await journaled(mock, 'ping');
    assert.equal(pings.length, 2);
    assert.equal(pings[0]!.jwt?.claims?.['user_id'], 'alice', 'the load boot was alice');
    assert.equal(pings[1]!.jwt, null, 'the boot starts from its own settings, not the leftover global');
    assert.notEqual(pings[1]!.identity.user_id, 'alice');
    await page.close();
  });

  it('correct: boot does not write window.intercomSettings (the library or page does)', async () => {
    const mock = pages.mocks[0]!;
    const { page } = await pages.open(`${classicInstall(pages.widgetUrl())}<script>Intercom('boot', ${JSON.stringify({ app_id: mock.appId, api_base: mock.url, intercom_user_jwt: await aliceJwt() })});</script>`);
    await messengerIdle(page);
    assert.equal((await journaled(mock, 'ping')).length, 1);
    assert.equal(await page.evaluate(() => window.intercomSettings), undefined);
    await page.close();
  });

  it('keeps-settings: the booted settings outlive shutdown and the visitor boot after it sends alice\'s JWT', async () => {
    const mock = pages.mocks[0]!;
    const { page } = await pages.open(
      `${classicInstall(pages.widgetUrl('?profile=keeps-settings'))}<script>Intercom('boot', ${JSON.stringify({ app_id: mock.appId, api_base: mock.url, intercom_user_jwt: await aliceJwt() })});</script>`,
    );
    await messengerIdle(page);
    await intercom(page, 'shutdown');
    await intercom(page, 'boot', { app_id: mock.appId, api_base: mock.url });
    const pings = await journaled(mock, 'ping');
    assert.equal(pings.length, 2);
    assert.equal(pings[1]!.jwt?.claims?.['user_id'], 'alice', 'the fault: the prior user\'s JWT after shutdown');
    await page.close();
  });
});
