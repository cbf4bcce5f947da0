import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { classicInstall, installSnippet, intercom, journaled, messengerIdle, useMessengerPages } from './support/messenger-page.ts';

/** The ways real pages boot Intercom's widget, each as the local messenger must follow it. */
describe('web messenger: boots the ways the real widget does', () => {
  const pages = useMessengerPages(2);
  beforeEach(async () => {
    for (const mock of pages.mocks) await mock.admin.reset();
  });

  it('boots from window.intercomSettings when it loads, with no boot call (classic install)', async () => {
    const [mock] = pages.mocks;
    const { page, console } = await pages.open(classicInstall(pages.widgetUrl(), { app_id: mock!.appId, api_base: mock!.url, email: 'classic@example.test' }));
    await messengerIdle(page);
    const pings = await journaled(mock!, 'ping');
    assert.deepEqual(pings.map((record) => record.user_data?.email), ['classic@example.test']);
    assert.equal(await page.evaluate(() => window.Intercom?.booted), true);
    assert.deepEqual(console, []);
    await page.close();
  });

  it('without api_base in the settings it talks to the origin it was loaded from (messenger-js-sdk sets only intercomSettings)', async () => {
    const [mock] = pages.mocks;
    // What @intercom/messenger-js-sdk 0.0.20's Intercom(props) leaves before the widget loads, api_base aside.
    const { page } = await pages.open(classicInstall(pages.widgetUrl(), { app_id: mock!.appId, installation_type: 'npm-package' }));
    await messengerIdle(page);
    assert.equal((await journaled(mock!, 'ping')).length, 1);
    assert.equal(await page.evaluate(() => window.intercomMessengerInfo?.apiBase), mock!.url);
    await page.close();
  });

  it('a queued boot wins over window.intercomSettings: one ping, with the boot\'s settings', async () => {
    const [mock] = pages.mocks;
    const boot = { app_id: mock!.appId, api_base: mock!.url, email: 'queued@example.test' };
    const { page } = await pages.open(
      `${classicInstall(pages.widgetUrl(), { app_id: mock!.appId, api_base: mock!.url, email: 'global@example.test' })}<script>Intercom('boot', ${JSON.stringify(boot)});</script>`,
    );
    await messengerIdle(page);
    assert.deepEqual((await journaled(mock!, 'ping')).map((record) => record.user_data?.email), ['queued@example.test']);
    await page.close();
  });

  it('honours api_base at each boot: a boot after shutdown with another api_base goes there', async () => {
    const [first, second] = pages.mocks;
    const { page } = await pages.open(classicInstall(pages.widgetUrl()) + `<script>Intercom('boot', ${JSON.stringify({ app_id: first!.appId, api_base: first!.url })});</script>`);
    await messengerIdle(page);
    await intercom(page, 'shutdown');
    await intercom(page, 'boot', { app_id: first!.appId, api_base: second!.url, email: 'second@example.test' });
    assert.equal((await journaled(first!, 'ping')).length, 1, 'the first boot reaches the first api_base');
    assert.deepEqual((await journaled(second!, 'ping')).map((record) => record.user_data?.email), ['second@example.test']);
    assert.equal(await page.evaluate(() => window.intercomMessengerInfo?.apiBase), second!.url);
    await page.close();
  });

  it('the snippet run again on a loaded widget: reattach_activator is silent, update sends the settings', async () => {
    const [mock] = pages.mocks;
    const settings = { app_id: mock!.appId, api_base: mock!.url, email: 'again@example.test' };
    const { page, console } = await pages.open(classicInstall(pages.widgetUrl(), settings));
    await messengerIdle(page);
    // A second page view in a single-page app: window.Intercom is now the widget, so the snippet
    // calls ic('reattach_activator') and ic('update', w.intercomSettings).
    await page.evaluate(installSnippet(pages.widgetUrl()));
    await messengerIdle(page);
    assert.deepEqual((await journaled(mock!, 'ping')).map((record) => record.user_data?.email), ['again@example.test', 'again@example.test']);
    assert.deepEqual(console, [], 'reattach_activator neither throws nor warns');
    await page.close();
  });

  it('the snippet run twice before the widget loads: it boots from the settings, then applies the queued update', async () => {
    const [mock] = pages.mocks;
    const settings = { app_id: mock!.appId, api_base: mock!.url, email: 'twice@example.test' };
    // messenger-js-sdk 0.0.20 does this when Intercom(props) is called twice (its `ref` guard is never set).
    const { page, console } = await pages.open(`<script>window.intercomSettings = ${JSON.stringify(settings)};${installSnippet(pages.widgetUrl())}${installSnippet(pages.widgetUrl())}</script>`);
    await messengerIdle(page);
    assert.equal((await journaled(mock!, 'ping')).length, 2, 'the load boot, then the queued update');
    assert.deepEqual(console, []);
    await page.close();
  });

  it('an update before any boot sends nothing and does not boot [inferred]; a later boot starts clean', async () => {
    const [mock] = pages.mocks;
    const { page } = await pages.open(classicInstall(pages.widgetUrl()));
    await messengerIdle(page);
    await intercom(page, 'update', { app_id: mock!.appId, api_base: mock!.url, email: 'early@example.test' });
    assert.equal((await journaled(mock!, 'ping')).length, 0);
    assert.equal(await page.evaluate(() => window.Intercom?.booted), false);
    await intercom(page, 'boot', { app_id: mock!.appId, api_base: mock!.url });
    const pings = await journaled(mock!, 'ping');
    assert.equal(pings.length, 1);
    assert.equal(pings[0]!.user_data?.email, undefined, 'the early update left nothing behind');
    await page.close();
  });
});
