import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { BUILT_IN_PROFILES, resolveProfile } from '../../../subjects/web-messenger/src/profiles.ts';
import type { OutgoingRequest } from '../../../subjects/web-messenger/src/types.ts';
import { classicInstall, intercom, journaled, messengerIdle, useMessengerPages } from './support/messenger-page.ts';

/** A fault written through each hook kind, loaded as a profile module from outside, is seen at the mock. */
describe('web messenger: profile hooks', () => {
  const pages = useMessengerPages(1);
  beforeEach(async () => {
    await pages.mocks[0]!.admin.reset();
  });

  /** Boots alice with a JWT on a page whose messenger runs `profileSource`, then logs out the correct way. */
  async function aliceThenVisitor(profileSource: string, pageSettings?: Record<string, unknown>) {
    const mock = pages.mocks[0]!;
    const jwt = (await mock.admin.token('alice')).token;
    const widget = pages.widgetUrl(`?profile_module=${encodeURIComponent(`${pages.pageOrigin()}/profile.js`)}`);
    const settings = pageSettings ?? { app_id: mock.appId, api_base: mock.url, intercom_user_jwt: jwt };
    const { page, console } = await pages.open(classicInstall(widget, settings), { '/profile.js': profileSource });
    await messengerIdle(page);
    await intercom(page, 'shutdown');
    await intercom(page, 'boot', { app_id: mock.appId, api_base: mock.url });
    return { page, console, pings: await journaled(mock, 'ping') };
  }

  it('transport: a hook that drops the JWT is seen as a request without one', async () => {
    const { page, pings } = await aliceThenVisitor(`export default {
      name: 'drops-jwt', description: 'test', source: 'test',
      transport: { request(request) { const { intercom_user_jwt, ...userData } = request.userData; return { ...request, userData }; } },
    };`);
    assert.equal(pings[0]!.jwt, null, 'the boot went out without its JWT');
    assert.notEqual(pings[0]!.identity.user_id, 'alice', 'so alice was never identified');
    await page.close();
  });

  it('storage: a hook that keeps the session cookie through shutdown lets the visitor resume alice', async () => {
    const { page, pings } = await aliceThenVisitor(`export default {
      name: 'keeps-session-cookie', description: 'test', source: 'test',
      storage: { clearOnShutdown: { sessionCookie: false } },
    };`);
    assert.equal(pings.length, 2);
    assert.equal(pings[1]!.jwt, null);
    assert.deepEqual({ via: pings[1]!.identity.via, user_id: pings[1]!.identity.user_id }, { via: 'session', user_id: 'alice' });
    await page.close();
  });

  it('lifecycle: a boot hook that starts from the page\'s leftover global sends alice\'s JWT after shutdown', async () => {
    const { page, pings } = await aliceThenVisitor(`export default {
      name: 'boot-reads-global', description: 'test', source: 'test',
      lifecycle: { bootSettings: (given, reason, { globalSettings }) => ({ ...globalSettings, ...given }) },
    };`);
    assert.equal(pings[1]!.jwt?.claims?.['user_id'], 'alice');
    await page.close();
  });

  it('the same flow on the correct profile sends nothing of alice after shutdown', async () => {
    const { page, pings, console } = await aliceThenVisitor(`export default { name: 'correct-module', description: 'test', source: 'test' };`);
    assert.equal(pings[1]!.jwt, null);
    assert.notEqual(pings[1]!.identity.user_id, 'alice');
    assert.deepEqual(console, []);
    await page.close();
  });
});

describe('web messenger: profiles resolve to hooks', () => {
  const request: OutgoingRequest = { endpoint: 'ping', apiBase: 'http://127.0.0.1:1', jwt: 'a.b.c', userData: { intercom_user_jwt: 'a.b.c' }, fields: {}, headers: {} };
  const context = { settings: null, globalSettings: { app_id: 'x', user_id: 'stale' } };

  it('the boolean shorthands still stand for their hooks (the first profile format loads unchanged)', () => {
    const resolved = resolveProfile({ name: 'old', description: '', source: '', applyQueuedShutdown: false, bootMergesGlobalSettings: true, clearCacheOnShutdown: false, clearGlobalSettingsOnShutdown: true, updateAppliesJwt: false });
    assert.equal(resolved.lifecycle.queuedShutdown(context), 'drop');
    assert.deepEqual(resolved.lifecycle.bootSettings({ app_id: 'x' }, 'boot', context), { app_id: 'x', user_id: 'stale' });
    assert.equal(resolved.storage.mirrorSettingsToGlobal, true);
    assert.deepEqual(resolved.storage.clearOnShutdown, { sessionCookie: true, cache: false, globalSettings: true });
    const { keep, send } = resolved.lifecycle.update({ intercom_user_jwt: 'new' }, { ...context, settings: { app_id: 'x', intercom_user_jwt: 'old' } });
    assert.deepEqual({ keep, send }, { keep: { app_id: 'x', intercom_user_jwt: 'old' }, send: {} });
  });

  it('correct: every hook is the documented behaviour', () => {
    const resolved = resolveProfile(BUILT_IN_PROFILES['correct']!);
    assert.equal(resolved.transport.request(request, context), request);
    assert.deepEqual(resolved.lifecycle.bootSettings({ app_id: 'x' }, 'boot', context), { app_id: 'x' });
    assert.deepEqual(resolved.storage.clearOnShutdown, { sessionCookie: true, cache: true, globalSettings: false });
    assert.equal(resolved.lifecycle.updateWhenNotBooted({}, context), 'ignore');
  });

  it('jwt-in-authorization-header moves the JWT from user_data to the header', () => {
    const sent = resolveProfile(BUILT_IN_PROFILES['jwt-in-authorization-header']!).transport.request(request, context);
    assert.deepEqual({ userData: sent.userData, headers: sent.headers }, { userData: {}, headers: { authorization: 'Bearer a.b.c' } });
  });

  it('a hook that is not a function, or an unknown cache area, is refused with its name', () => {
    assert.throws(() => resolveProfile({ name: 'bad', description: '', source: '', lifecycle: { bootSettings: 'merge' as never } }), /profile "bad": lifecycle\.bootSettings must be a function, not string/);
    assert.throws(() => resolveProfile({ name: 'bad', description: '', source: '', storage: { cacheArea: 'cookies' as never } }), /storage\.cacheArea must be one of localStorage, sessionStorage, none, not "cookies"/);
  });
});
