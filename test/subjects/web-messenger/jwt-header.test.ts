import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { classicInstall, intercom, journaled, messengerIdle, useMessengerPages } from './support/messenger-page.ts';

/** jwt-in-authorization-header: a correct messenger written differently, verified and journaled as one. */
describe('web messenger: the JWT in an Authorization header', () => {
  const pages = useMessengerPages(1);
  beforeEach(async () => {
    await pages.mocks[0]!.admin.reset();
  });

  it('sends "Authorization: Bearer <jwt>" from a cross-origin page; the mock verifies it there and resolves the user', async () => {
    const mock = pages.mocks[0]!;
    const boot = (await mock.admin.token('alice')).token;
    const refreshed = (await mock.admin.token('alice', { ttl_s: 600 })).token;
    const { page, console } = await pages.open(
      `${classicInstall(pages.widgetUrl('?profile=jwt-in-authorization-header'))}<script>Intercom('boot', ${JSON.stringify({ app_id: mock.appId, api_base: mock.url, intercom_user_jwt: boot })});</script>`,
    );
    await messengerIdle(page);
    await intercom(page, 'update', { intercom_user_jwt: refreshed });
    await intercom(page, 'show');
    const records = [...(await journaled(mock, 'ping')), ...(await journaled(mock, 'conversations'))];
    assert.equal(records.length, 3, 'boot, update, open: every request passed the CORS preflight');
    for (const record of records) {
      assert.deepEqual(record.jwts?.map((jwt) => jwt.location), ['header.authorization'], `${record.path}: one token, in the header, none in user_data`);
      assert.equal(record.jwt?.status, 'valid');
      assert.equal(record.response.status, 200);
      assert.deepEqual({ kind: record.identity.kind, user_id: record.identity.user_id }, { kind: 'user', user_id: 'alice' });
    }
    const [bootPing, updatePing] = records;
    assert.notEqual(bootPing!.jwt?.fingerprint, updatePing!.jwt?.fingerprint, 'the update carries the refreshed token');
    assert.deepEqual(console, []);
    await page.close();
  });

  it('correct sends the same JWT inside user_data', async () => {
    const mock = pages.mocks[0]!;
    const { page } = await pages.open(
      `${classicInstall(pages.widgetUrl())}<script>Intercom('boot', ${JSON.stringify({ app_id: mock.appId, api_base: mock.url, intercom_user_jwt: (await mock.admin.token('alice')).token })});</script>`,
    );
    await messengerIdle(page);
    const [ping] = await journaled(mock, 'ping');
    assert.deepEqual(ping!.jwts?.map((jwt) => jwt.location), ['body.user_data.intercom_user_jwt']);
    await page.close();
  });
});
