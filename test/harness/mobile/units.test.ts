/**
 * The mobile harness without a device: UI-tree evidence, the selector map, capabilities from the
 * environment, the real-device preflight, the results reader the self-test judges with, and the
 * expected-verdict table's shape.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { simCapabilitiesFromEnv, platformsFromEnv } from '../../../harness/mobile/capabilities.ts';
import { SIM_DEVICE } from '../../../harness/mobile/device-contract.ts';
import { androidCapabilities, iosCapabilities, MissingToolchainError } from '../../../harness/mobile/real-device.ts';
import { cellResults, type WorkerResults } from '../../../harness/mobile/worker-results.ts';
import { loadSelectorMap, SIM_SELECTORS, toWdioSelector } from '../../../harness/mobile/selectors.ts';
import { VERDICT_SEPARATOR } from '../../../harness/mobile/soft-verdicts.ts';
import { parseUiTree, uiStateEntries, visibleTextOf } from '../../../harness/mobile/ui-tree.ts';
import { stateHoldsNothingOf, textShowsNothingOf } from '../../../harness/oracles/index.ts';
import { MOB_CHECKS } from '../../../specs/checks.ts';
import { MOBILE_FAULT_FREE_CELLS, MOBILE_SELF_TEST_CELLS, MOBILE_UNKNOWN_FAIL_CELLS } from '../../../specs/mobile/expected-verdicts.ts';

const ANDROID_SOURCE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<hierarchy index="0" class="hierarchy" rotation="0" width="1080" height="2400">
  <android.widget.FrameLayout index="0" text="" resource-id="" displayed="true">
    <android.widget.TextView index="0" text="Signed out" content-desc="status" resource-id="io.sim:id/status" displayed="true"/>
    <android.widget.TextView index="1" text="Alice Archer &amp; co · CNRY-alice-1234" content-desc="user-name" displayed="true"/>
    <android.widget.TextView index="2" text="hidden CNRY-alice-9999" displayed="false"/>
  </android.widget.FrameLayout>
</hierarchy>`;

const IOS_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<AppiumAUT>
  <XCUIElementTypeApplication type="XCUIElementTypeApplication" name="Intercom Sim" label="Intercom Sim" visible="true">
    <XCUIElementTypeStaticText type="XCUIElementTypeStaticText" name="Hello CNRY-alice-1234" label="Hello CNRY-alice-1234" value="Hello CNRY-alice-1234" visible="true"/>
    <XCUIElementTypeTextField type="XCUIElementTypeTextField" name="reply-input" value="alice" visible="true"/>
  </XCUIElementTypeApplication>
</AppiumAUT>`;

const alice = { user_id: 'alice', email: 'alice@example.test', name: 'Alice Archer · CNRY-alice-1234', canaries: ['CNRY-alice-1234', 'CNRY-alice-9999'], sessionFingerprints: [] };

describe('UI tree evidence', () => {
  it('parses Android page source, decodes entities, and names elements by accessibility id', () => {
    const elements = parseUiTree(ANDROID_SOURCE);
    assert.equal(elements[0]!.tag, 'hierarchy');
    const entries = uiStateEntries(elements);
    assert.deepEqual(entries.find((entry) => entry.key === '~user-name @text'), { store: 'ui android.widget.TextView', key: '~user-name @text', value: 'Alice Archer & co · CNRY-alice-1234' });
    const verdict = stateHoldsNothingOf(entries, alice);
    assert.equal(verdict.pass, false);
    assert.match(verdict.explanation, /~user-name @text" holds alice's canary CNRY-alice-1234/);
  });

  it('visible text leaves out elements that are not displayed; client state keeps them', () => {
    const elements = parseUiTree(ANDROID_SOURCE);
    const [screen] = visibleTextOf(elements, 'Android screen');
    assert.ok(!screen!.text.includes('CNRY-alice-9999'));
    assert.ok(uiStateEntries(elements).some((entry) => entry.value.includes('CNRY-alice-9999')));
    assert.equal(textShowsNothingOf([screen!], { ...alice, canaries: ['CNRY-alice-9999'], name: 'x' }).pass, true);
  });

  it('iOS: label and value are visible text; a value equal to the user_id is client state holding it', () => {
    const elements = parseUiTree(IOS_SOURCE);
    assert.match(visibleTextOf(elements, 'iOS screen')[0]!.text, /Hello CNRY-alice-1234/);
    const entries = uiStateEntries(elements);
    assert.ok(entries.some((entry) => entry.key === '~reply-input @value' && entry.value === 'alice'));
    assert.ok(stateHoldsNothingOf(entries, alice).violations.some((violation) => violation.message.includes("holds alice's user_id")));
    assert.ok(entries.some((entry) => entry.key.startsWith('XCUIElementTypeStaticText[')), 'a text whose name is its own text is named by position');
  });
});

describe('selector map', () => {
  it('defaults to the simulated device; bare ids become accessibility ids, WebdriverIO selectors stay', () => {
    assert.equal(loadSelectorMap(undefined), SIM_SELECTORS);
    assert.equal(toWdioSelector('status'), '~status');
    for (const kept of ['~x', '//*[@text="x"]', 'id=com.app:id/x', '-android uiautomator:new UiSelector()', '-ios predicate string:name == "x"']) assert.equal(toWdioSelector(kept), kept);
  });

  it('merges a user map over the defaults and refuses unknown keys and a logIn without {user}', () => {
    const dir = mkdtempSync(join(tmpdir(), 'selectors-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ status: null, logIn: '//*[@text="Sign in as {user}"]', settled: { logOut: 'Bye' } }));
    const map = loadSelectorMap(good);
    assert.equal(map.status, null);
    assert.equal(map.refreshJwt, 'refresh-jwt');
    assert.deepEqual(map.settled, { logOut: 'Bye', refreshJwt: SIM_SELECTORS.settled.refreshJwt });
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ signIn: 'x' }));
    assert.throws(() => loadSelectorMap(unknown), /unknown key\(s\) signIn; valid keys: status, logIn/);
    const noUser = join(dir, 'no-user.json');
    writeFileSync(noUser, JSON.stringify({ logIn: 'login' }));
    assert.throws(() => loadSelectorMap(noUser), /must contain \{user\}/);
    assert.throws(() => loadSelectorMap(join(dir, 'missing.json')), /cannot read a JSON selector map/);
  });
});

describe('capabilities', () => {
  it('one IntercomSim capability per profile × platform', () => {
    const caps = simCapabilitiesFromEnv({ MOBILE_PROFILES: 'correct,android-stale-jwt', MOBILE_PLATFORMS: 'ios,android' }) as Record<string, unknown>[];
    assert.deepEqual(caps.map((cap) => `${cap['appium:sdkProfile']}/${cap['platformName']}`), ['correct/iOS', 'correct/Android', 'android-stale-jwt/iOS', 'android-stale-jwt/Android']);
    assert.ok(caps.every((cap) => cap['appium:automationName'] === 'IntercomSim'));
    const module = simCapabilitiesFromEnv({ MOBILE_PROFILE_MODULE: 'x/my-profile.mjs', MOBILE_PLATFORMS: 'android' }) as Record<string, unknown>[];
    assert.equal(module.length, 1);
    assert.match(String(module[0]!['appium:sdkProfileModule']), /^\/.*x\/my-profile\.mjs$/);
    assert.throws(() => platformsFromEnv('android,windows'), /"windows" is not a platform/);
  });

  it('real-device configs list everything this machine lacks, and pass when it is all there', () => {
    const root = mkdtempSync(join(tmpdir(), 'project-'));
    assert.throws(() => androidCapabilities({}, root), (error: unknown) => {
      assert.ok(error instanceof MissingToolchainError);
      for (const need of ['ANDROID_HOME', 'JAVA_HOME', 'ANDROID_AVD', 'npx appium driver install uiautomator2', 'APP_PATH']) assert.ok(error.message.includes(need), need);
      return true;
    });
    assert.throws(() => iosCapabilities({}, root, 'linux'), /macOS with Xcode: this machine runs linux[\s\S]*npx appium driver install xcuitest/);
    const sdk = mkdtempSync(join(tmpdir(), 'sdk-'));
    for (const file of [join(sdk, 'platform-tools', 'adb'), join(sdk, 'emulator', 'emulator'), join(root, 'node_modules', 'appium-uiautomator2-driver', 'package.json')]) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '{}');
    }
    const apk = join(root, 'app.apk');
    writeFileSync(apk, '');
    const caps = androidCapabilities({ ANDROID_HOME: sdk, JAVA_HOME: '/jdk', ANDROID_AVD: 'Pixel', APP_PATH: apk }, root) as Record<string, unknown>;
    assert.equal(caps['appium:automationName'], 'UiAutomator2');
    assert.equal(caps['appium:avd'], 'Pixel');
    assert.equal(caps['appium:app'], apk);
  });
});

describe('results reader', () => {
  const worker = (tests: WorkerResults['tests']): WorkerResults => ({ cid: '0-0', platformName: 'Android', sdkProfile: 'logout-keeps-cache', specs: [], tests, errors: [] });
  const test = (state: 'passed' | 'failed', errors: string[]) => ({ title: 'after logout …', fullTitle: 'x', check: 'MOB-LOGOUT-01', state, durationMs: 5, errors });

  it('a failure is caught only when every verdict in it carries the oracle mark', () => {
    const [caught] = cellResults([worker([test('failed', [`UI tree: [oracle] client state holds nothing: bad${VERDICT_SEPARATOR}text: [oracle] visible text shows nothing: bad`])])]);
    assert.equal(caught!.verdict, 'fail');
    assert.equal(caught!.cell, 'logout-keeps-cache×Android');
    assert.equal(caught!.check, 'MOB-LOGOUT-01');
    assert.equal(caught!.reason, 'UI tree: client state holds nothing: bad');
    const [mixed] = cellResults([worker([test('failed', [`UI tree: [oracle] bad${VERDICT_SEPARATOR}precondition failed: not on screen`])])]);
    assert.equal(mixed!.verdict, 'error');
    assert.equal(mixed!.reason, 'precondition failed: not on screen');
    const [passed] = cellResults([worker([test('passed', [])])]);
    assert.equal(passed!.verdict, 'pass');
    assert.deepEqual(cellResults([worker([{ ...test('passed', []), check: undefined }])]), [], 'a test that declared no check is no check result');
  });
});

describe('expected verdicts', () => {
  it('every fault profile × platform is a cell, the corpus on Android only; correct, the corpus and android-stale-jwt on iOS pass everything; fault cells name real checks', () => {
    const ofKind = (kind: string): number => SIM_DEVICE.profiles.filter((profile) => profile.kind === kind).length;
    assert.equal(MOBILE_SELF_TEST_CELLS.length, (ofKind('correct') + ofKind('fault')) * SIM_DEVICE.platforms.length + ofKind('corpus'));
    assert.deepEqual(MOBILE_UNKNOWN_FAIL_CELLS, [], 'every cell the table says fails is a profile × platform of the manifest');
    assert.deepEqual(
      MOBILE_SELF_TEST_CELLS.filter((cell) => cell.profile.startsWith('correct-')).map((cell) => cell.name),
      ['correct-margin-10s×Android', 'correct-margin-5s×Android', 'correct-eager-refresh×Android', 'correct-logout-events×Android', 'correct-slow-network×Android'],
    );
    assert.deepEqual(MOBILE_FAULT_FREE_CELLS.flatMap((cell) => cell.expectedFailures), []);
    assert.equal(MOBILE_FAULT_FREE_CELLS.length, ofKind('correct') * SIM_DEVICE.platforms.length + ofKind('corpus'));
    const ids = new Set<string>(MOB_CHECKS.map((check) => check.id));
    for (const cell of MOBILE_SELF_TEST_CELLS) for (const check of cell.expectedFailures) assert.ok(ids.has(check), `${cell.name}: ${check}`);
    assert.deepEqual(MOBILE_SELF_TEST_CELLS.filter((cell) => cell.profile === 'correct' || cell.name === 'android-stale-jwt×iOS').flatMap((cell) => cell.expectedFailures), []);
    assert.deepEqual(MOBILE_SELF_TEST_CELLS.find((cell) => cell.name === 'android-stale-jwt×Android')!.expectedFailures, ['MOB-JWT-REFRESH-01']);
  });
});

