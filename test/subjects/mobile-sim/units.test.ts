/** The simulated device's parts on their own: virtual clock, xpath subset, profiles, capabilities. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VirtualClock } from '../../../subjects/mobile-sim/src/app/virtual-clock.ts';
import { evaluateXpath, XpathError } from '../../../subjects/mobile-sim/src/app/xpath.ts';
import { platformTree, toXml } from '../../../subjects/mobile-sim/src/app/ui-tree.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CapabilityError, readSimOptions } from '../../../subjects/mobile-sim/src/capabilities.ts';
import { messengerHost } from '../../../subjects/mobile-sim/src/net/intercom-hosts.ts';
import { activeHooks } from '../../../subjects/mobile-sim/src/sdk/profile-hooks.ts';
import { selectProfile, validateProfile } from '../../../subjects/mobile-sim/src/sdk/profile-loader.ts';
import type { HookContext, UiNode } from '../../../subjects/mobile-sim/src/types.ts';

describe('virtual clock', () => {
  it('fires due timers in due order at their own instant, awaiting each one’s work before the next', async () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    clock.schedule(20, 'b', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(`b@${clock.now()}`);
    });
    clock.schedule(10, 'a', () => {
      seen.push(`a@${clock.now()}`);
      clock.schedule(5, 'a2', () => void seen.push(`a2@${clock.now()}`));
    });
    clock.schedule(31, 'late', () => void seen.push('late'));
    const report = await clock.advance(30);
    assert.deepEqual(seen, ['a@10', 'a2@15', 'b@20']);
    assert.deepEqual(report.fired.map((timer) => timer.label), ['a', 'a2', 'b']);
    assert.equal(clock.now(), 30);
    assert.deepEqual(clock.pending(), [{ label: 'late', due_s: 31 }]);
  });

  it('while suspended moves time but fires nothing; resume fires what fell due', async () => {
    const clock = new VirtualClock();
    let fired = 0;
    clock.schedule(10, 'refresh', () => void (fired += 1));
    clock.suspend();
    const report = await clock.advance(60);
    assert.equal(fired, 0);
    assert.equal(report.suspended, true);
    assert.deepEqual(await clock.resume(), [{ label: 'refresh', at_s: 60 }]);
    assert.equal(fired, 1);
  });

  it('a failing timer is reported, the others still fire; bad input is refused', async () => {
    const clock = new VirtualClock();
    clock.schedule(1, 'boom', () => {
      throw new Error('backend down');
    });
    clock.schedule(2, 'fine', () => undefined);
    const report = await clock.advance(5);
    assert.deepEqual(report.fired, [{ label: 'boom', at_s: 1, error: 'backend down' }, { label: 'fine', at_s: 2 }]);
    await assert.rejects(clock.advance(-1), /seconds must be a finite number ≥ 0/);
  });
});

describe('xpath', () => {
  const app: UiNode = {
    key: 'app',
    role: 'screen',
    children: [
      { key: 'status', role: 'text', accessibilityId: 'status', text: 'Signed out' },
      { key: 'a', role: 'button', accessibilityId: 'login-alice', text: 'Sign in as Alice' },
      { key: 'b', role: 'button', accessibilityId: 'login-bob', text: 'Sign in as Bob' },
    ],
  };
  const android = platformTree('android', app);
  const ios = platformTree('ios', app);
  const keys = (selector: string, root = android): string[] => evaluateXpath(selector, root).map((node) => node.key);

  it('finds by attribute, tag, contains, starts-with, position and absolute path', () => {
    assert.deepEqual(keys('//*[@content-desc="login-bob"]'), ['b']);
    assert.deepEqual(keys('//android.widget.Button'), ['a', 'b']);
    assert.deepEqual(keys("//android.widget.Button[contains(@text, 'Bob')]"), ['b']);
    assert.deepEqual(keys('//*[starts-with(@content-desc,"login-") and @text="Sign in as Alice"]'), ['a']);
    assert.deepEqual(keys('//android.widget.Button[2]'), ['b']);
    assert.deepEqual(keys('/hierarchy/android.widget.FrameLayout/*/android.widget.TextView'), ['status']);
    assert.deepEqual(keys('//*[@name="status"]', ios), ['status']);
    assert.deepEqual(keys('//XCUIElementTypeButton[@label="Sign in as Bob"]', ios), ['b']);
  });

  it('is XPath 1.0: or, axes, functions; relative paths start at the element found', () => {
    assert.deepEqual(keys('//*[@content-desc="login-bob" or @content-desc="status"]'), ['status', 'b']);
    assert.deepEqual(keys('//android.widget.Button[@content-desc="login-bob"]/preceding-sibling::android.widget.Button'), ['a']);
    assert.deepEqual(keys('//*[normalize-space(@text)="Sign in as Bob"]'), ['b']);
    const screen = evaluateXpath('//android.widget.LinearLayout', android)[0]!;
    assert.deepEqual(evaluateXpath('.//*[@content-desc="status"]', android, screen).map((node) => node.key), ['status']);
    assert.deepEqual(evaluateXpath('./android.widget.Button[1]', android, screen).map((node) => node.key), ['a']);
  });

  it('refuses what is not XPath, or selects no elements, naming the selector', () => {
    assert.throws(() => evaluateXpath('//*[@a="x"', android), (error: unknown) => error instanceof XpathError && /cannot evaluate xpath "\/\/\*\[@a=\\"x\\""/.test(error.message));
    assert.throws(() => evaluateXpath('count(//*)', android), /yields the number \d+, not elements/);
    assert.throws(() => evaluateXpath('//*/@text', android), /selects a attribute, not elements/);
  });

  it('page source escapes what XML needs escaped', () => {
    const xml = toXml(platformTree('android', { key: 'app', role: 'screen', children: [{ key: 't', role: 'text', text: 'a < b & "c"' }] }), 'android');
    assert.match(xml, /text="a &lt; b &amp; &quot;c&quot;"/);
  });
});

/** A context for hooks called outside a device. */
const HOOK_CONTEXT: HookContext = {
  platform: 'ios',
  device: { identifier: 'unit', platformVersion: '18.0', sdkVersion: '19.2.0', userAgent: 'unit' },
  session: { id: 'unit', namespace: null },
  nowS: () => 0,
  send: async () => ({ status: 200, body: {} }),
  enqueue: () => undefined,
  flush: async () => undefined,
};

describe('profiles', () => {
  it('built-in names resolve; hooks apply only on the platforms a profile names', async () => {
    const stale = await selectProfile('android-stale-jwt', undefined);
    const request = { path: 'open', current: 'new', previous: null, refreshes: [], sessionJwt: 'old', hasSession: true, nowS: 0 };
    assert.equal(await activeHooks(stale, 'android').requestJwt(request, HOOK_CONTEXT), 'old');
    assert.equal(await activeHooks(stale, 'ios').requestJwt(request, HOOK_CONTEXT), 'new');
    assert.equal(activeHooks(stale, 'ios').active, false);
    assert.equal((await selectProfile(undefined, undefined)).name, 'correct');
  });

  it('a hook that returns the wrong shape fails with a sentence naming the hook', async () => {
    const profile = validateProfile(
      { name: 'odd', description: 'd', platforms: ['ios'], source: 'https://example.test', hooks: { resume: () => [() => Promise.resolve()], requestJwt: () => 42 } },
      'test',
    );
    const hooks = activeHooks(profile, 'ios');
    const steps = { refreshJwtIfDue: async () => undefined, sdkForeground: async () => undefined };
    await assert.rejects(hooks.resume(steps, HOOK_CONTEXT), /profile "odd": hooks.resume must return an array of the steps it was given/);
    await assert.rejects(
      hooks.requestJwt({ path: 'users', current: null, previous: null, refreshes: [], sessionJwt: null, hasSession: false, nowS: 0 }, HOOK_CONTEXT),
      /hooks.requestJwt must return a JWT string or null, got 42/,
    );
  });

  it('a relative module path is refused before anything is imported', async () => {
    await assert.rejects(selectProfile(undefined, './profile.mjs'), /must be an absolute path/);
  });
});

describe('capabilities', () => {
  it('defaults follow the seed: 300 s JWTs refreshed every 240 s, against the mock on :4010', () => {
    const options = readSimOptions({ platformName: 'iOS' });
    assert.equal(options.platform, 'ios');
    assert.equal(options.jwtTtlS, 300);
    assert.equal(options.jwtRefreshS, 240);
    assert.equal(options.mockServerUrl, 'http://127.0.0.1:4010');
    assert.equal(options.tokenServiceUrl, 'http://127.0.0.1:4010/app-backend');
    assert.equal(readSimOptions({ platformName: 'Android', udid: 'device-1' }).deviceIdentifier, 'device-1');
  });
});

describe('network capabilities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-network-caps-'));
  const pem = join(dir, 'ca.pem');
  writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const key = join(dir, 'ca.key');
  writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n');
  const refused = (caps: Record<string, unknown>, pattern: RegExp): void => {
    assert.throws(() => readSimOptions({ platformName: 'Android', ...caps }), (error: unknown) => error instanceof CapabilityError && pattern.test(error.message));
  };

  it('direct by default; proxy mode carries the proxy, the CA and the region', () => {
    assert.deepEqual(readSimOptions({ platformName: 'Android' }).network, { mode: 'direct' });
    const proxied = readSimOptions({ platformName: 'iOS', network: 'proxy', proxyUrl: 'http://127.0.0.1:8000/', proxyCaPath: pem, intercomRegion: 'EU' }).network;
    assert.deepEqual(proxied, { mode: 'proxy', proxyUrl: 'http://127.0.0.1:8000', caPath: pem, caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', region: 'eu' });
  });

  it('a bad value is refused, naming the capability', () => {
    refused({ network: 'wifi' }, /appium:network must be "direct" or "proxy", got "wifi"/);
    refused({ network: 'proxy', proxyCaPath: pem }, /appium:network "proxy" needs appium:proxyUrl/);
    refused({ network: 'proxy', proxyUrl: 'socks5://127.0.0.1:1080', proxyCaPath: pem }, /needs appium:proxyUrl.*got "socks5:\/\/127\.0\.0\.1:1080"/);
    refused({ network: 'proxy', proxyUrl: 'http://127.0.0.1:8000' }, /needs appium:proxyCaPath, the absolute path/);
    refused({ network: 'proxy', proxyUrl: 'http://127.0.0.1:8000', proxyCaPath: 'ca.pem' }, /needs appium:proxyCaPath.*got "ca\.pem"/);
    refused({ network: 'proxy', proxyUrl: 'http://127.0.0.1:8000', proxyCaPath: join(dir, 'missing.pem') }, /appium:proxyCaPath .*missing\.pem cannot be read \(ENOENT\)/);
    refused({ network: 'proxy', proxyUrl: 'http://127.0.0.1:8000', proxyCaPath: key }, /appium:proxyCaPath .*ca\.key holds no PEM certificate/);
    refused({ network: 'proxy', proxyUrl: 'http://127.0.0.1:8000', proxyCaPath: pem, intercomRegion: 'mars' }, /appium:intercomRegion must be "us", "eu", "au", got "mars"/);
  });

  it('a proxy setting without the proxy mode is refused, never ignored', () => {
    refused({ proxyUrl: 'http://127.0.0.1:8000' }, /appium:proxyUrl is only used with appium:network "proxy"/);
    refused({ network: 'direct', proxyCaPath: pem }, /appium:proxyCaPath is only used with appium:network "proxy"/);
  });

  it("Intercom's host follows the platform, the app id and the region", () => {
    assert.equal(messengerHost('android', 'mockapp1', 'us'), 'mockapp1-android.mobile-messenger.intercom.com');
    assert.equal(messengerHost('ios', 'mockapp1', 'us'), 'mockapp1-ios.mobile-messenger.intercom.com');
    assert.equal(messengerHost('android', 'ab_c.d', 'eu'), 'abcd-android.mobile-messenger.eu.intercom.io');
    assert.equal(messengerHost('ios', 'x', 'au'), 'x-ios.mobile-messenger.au.intercom.io');
    const label = messengerHost('android', 'a'.repeat(70), 'us').split('.')[0]!;
    assert.equal(label.length, 63);
  });
});
