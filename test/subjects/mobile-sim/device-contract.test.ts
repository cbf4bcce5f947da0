/**
 * The simulated device's published contract (its package.json's `appium` and `intercomSim`
 * blocks, read by every room through harness/mobile/device-contract.ts) against what the driver
 * implements: its names, its built-in profiles with their kind and platforms, and the accessibility
 * ids its app renders. A profile added, renamed or moved in one place and not the other fails here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSimDeviceContract, SIM_DEVICE, SIM_MANIFEST } from '../../../harness/mobile/device-contract.ts';
import { ACCESSIBILITY_IDS, APP_ID, AUTOMATION_NAME, DEFAULTS, DRIVER_NAME, SIGN_IN_USERS } from '../../../subjects/mobile-sim/src/constants.ts';
import { CORPUS_PROFILES } from '../../../subjects/mobile-sim/src/sdk/corpus-profiles.ts';
import { BUILT_IN_PROFILES, correct, FAULT_PROFILES } from '../../../subjects/mobile-sim/src/sdk/profiles.ts';
import type { SdkProfile } from '../../../subjects/mobile-sim/src/types.ts';

const LABEL = { android: 'Android', ios: 'iOS' } as const;

/** What the driver implements, in the manifest's terms. */
function implementedProfiles(): { name: string; kind: string; platforms: string[] }[] {
  const kindOf = (profile: SdkProfile): string => (profile === correct ? 'correct' : FAULT_PROFILES.includes(profile) ? 'fault' : CORPUS_PROFILES.includes(profile) ? 'corpus' : 'unlisted');
  return BUILT_IN_PROFILES.map((profile) => ({ name: profile.name, kind: kindOf(profile), platforms: profile.platforms.map((platform) => LABEL[platform]) }));
}

describe('the simulated device contract', () => {
  it('names the driver, its automation name, its platforms, the app and the default profile as the driver does', () => {
    assert.equal(SIM_DEVICE.driverName, DRIVER_NAME);
    assert.equal(SIM_DEVICE.automationName, AUTOMATION_NAME);
    assert.deepEqual(SIM_DEVICE.platforms, ['Android', 'iOS']);
    assert.equal(SIM_DEVICE.appId, APP_ID);
    assert.equal(SIM_DEVICE.defaultProfile, DEFAULTS.sdkProfile);
    assert.deepEqual(SIM_DEVICE.signInUsers, [...SIGN_IN_USERS]);
  });

  it('lists every built-in profile of the driver, in its order, with its kind and platforms', () => {
    assert.deepEqual(
      SIM_DEVICE.profiles.map((profile) => ({ ...profile })),
      implementedProfiles(),
      'subjects/mobile-sim/package.json intercomSim.profiles must match the driver\'s BUILT_IN_PROFILES (src/sdk/profiles.ts, corpus-profiles.ts)',
    );
  });

  it('every selector id is an accessibility id the app renders; the sign-in control exists for each user', () => {
    const rendered = new Set<string>(Object.values(ACCESSIBILITY_IDS));
    const { settled: _settled, logIn, appId: _appId, ...ids } = SIM_DEVICE.selectors;
    for (const [key, id] of Object.entries(ids)) if (id !== null) assert.ok(rendered.has(id), `selector ${key}: "${id}" is not an accessibility id of the app (src/constants.ts ACCESSIBILITY_IDS)`);
    for (const user of SIM_DEVICE.signInUsers) assert.ok(rendered.has(logIn.replace('{user}', user)), `selector logIn for ${user}: "${logIn.replace('{user}', user)}" is not rendered`);
  });

  it('the settled patterns match the status lines the app writes after a log-out and a JWT refresh', () => {
    const app = readFileSync(new URL('../../../subjects/mobile-sim/src/app/reference-app.ts', import.meta.url), 'utf8');
    // Every string literal on a line that sets the status (a ternary sets one of several).
    const statuses = app.split('\n').filter((line) => line.includes('this.status =')).flatMap((line) => [...line.matchAll(/[`'"]([^`'"$]+)/g)].map((match) => match[1]!));
    for (const [action, pattern] of Object.entries(SIM_DEVICE.selectors.settled)) {
      assert.ok(statuses.some((status) => new RegExp(pattern).test(status)), `settled.${action} /${pattern}/ matches none of the app's status lines: ${statuses.join(' | ')}`);
    }
  });

  it('a malformed manifest is refused with the field that is wrong', () => {
    const manifest = JSON.parse(readFileSync(SIM_MANIFEST, 'utf8')) as { intercomSim: { profiles: { kind: string }[]; defaultProfile: string } };
    const dir = mkdtempSync(join(tmpdir(), 'sim-manifest-'));
    const write = (change: (copy: typeof manifest) => void): string => {
      const copy = structuredClone(manifest);
      change(copy);
      const file = join(dir, 'package.json');
      writeFileSync(file, JSON.stringify(copy));
      return file;
    };
    assert.throws(() => readSimDeviceContract(write((copy) => (copy.intercomSim.profiles[1]!.kind = 'broken'))), /intercomSim\.profiles\.1\.kind/);
    assert.throws(() => readSimDeviceContract(write((copy) => (copy.intercomSim.defaultProfile = 'nope'))), /defaultProfile "nope" is not one of its profiles/);
  });
});
