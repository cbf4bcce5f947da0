import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../code-root.ts';
import type { SelectorMap } from './selectors.ts';
import type { MobilePlatform } from './subject.ts';

/**
 * The simulated device's contract, published once in its driver's manifest
 * (subjects/mobile-sim/package.json), as Appium reads a driver's `appium` block: the driver's name,
 * automation name and platforms (`appium`), and what the suite needs of it (`intercomSim`): the
 * app id, the selector ids, the sign-in users and the built-in profiles with their kind and
 * platforms. Every room reads it from here, none imports the subject; test/subjects/mobile-sim holds the
 * manifest to what the driver implements.
 */
export const SIM_MANIFEST = join(PACKAGE_ROOT, 'subjects', 'mobile-sim', 'package.json');

/** `correct`: the reference; `fault`: a reported failure the checks must catch; `corpus`: a correct app written differently. */
export type SimProfileKind = 'correct' | 'fault' | 'corpus';

export interface SimProfileEntry {
  name: string;
  kind: SimProfileKind;
  /** The platforms the profile's behaviour concerns (a fault that shows on one only, e.g. android-stale-jwt). */
  platforms: MobilePlatform[];
}

export interface SimDeviceContract {
  /** The driver's package version: the subject's version in reports (`intercom-sim@0.1.0`). */
  version: string;
  /** The driver's bundle Appium loads (the manifest's `main`). */
  driverMain: string;
  /** `intercom-sim`: how reports name the simulated device. */
  driverName: string;
  /** `appium:automationName` of the simulated device. */
  automationName: string;
  platforms: MobilePlatform[];
  /** Package (Android) and bundle id (iOS) of the app on the device. */
  appId: string;
  /** The profile a capability without `appium:sdkProfile` gets. */
  defaultProfile: string;
  /** The selector map of the simulated app: the harness's default map. */
  selectors: SelectorMap;
  /** The users the app offers to sign in as (the `{user}` of `selectors.logIn`). */
  signInUsers: string[];
  /** Every built-in profile, in the driver's order. */
  profiles: SimProfileEntry[];
}

const platform = z.enum(['Android', 'iOS']);
const selector = z.string().min(1);

const MANIFEST = z.object({
  name: z.string(),
  version: z.string(),
  main: z.string().min(1),
  appium: z.object({ driverName: z.string().min(1), automationName: z.string().min(1), platformNames: z.array(platform).min(1) }),
  intercomSim: z.object({
    appId: z.string().min(1),
    defaultProfile: z.string().min(1),
    selectors: z.object({
      status: selector.nullable(),
      logIn: selector.refine((value) => value.includes('{user}'), 'must contain {user}'),
      refreshJwt: selector,
      openMessenger: selector,
      logout: selector,
      visitor: selector,
      messenger: selector,
      closeMessenger: selector,
      userName: selector,
      conversationList: selector,
      replyInput: selector,
      sendReply: selector,
      settled: z.object({ logOut: selector, refreshJwt: selector }).strict(),
    }).strict(),
    signInUsers: z.array(z.string().min(1)).min(1),
    profiles: z.array(z.object({ name: z.string().min(1), kind: z.enum(['correct', 'fault', 'corpus']), platforms: z.array(platform).min(1) }).strict()).min(1),
  }),
});

/** Reads and checks the manifest; a malformed one is an error naming the field and the file. */
export function readSimDeviceContract(file = SIM_MANIFEST): SimDeviceContract {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`the simulated device's manifest ${file} cannot be read as JSON (${(error as Error).message}); it ships with the package (subjects/mobile-sim/package.json)`);
  }
  const parsed = MANIFEST.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`the simulated device's manifest ${file} is not a device contract: ${problems}`);
  }
  const { version, main, appium, intercomSim } = parsed.data;
  const { appId, defaultProfile, selectors, signInUsers, profiles } = intercomSim;
  const names = profiles.map((profile) => profile.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length) throw new Error(`the simulated device's manifest ${file} lists the profile(s) ${repeated.join(', ')} twice`);
  if (!names.includes(defaultProfile)) throw new Error(`the simulated device's manifest ${file}: defaultProfile "${defaultProfile}" is not one of its profiles (${names.join(', ')})`);
  return {
    version,
    driverMain: join(dirname(file), main),
    driverName: appium.driverName,
    automationName: appium.automationName,
    platforms: appium.platformNames,
    appId,
    defaultProfile,
    selectors: { ...selectors, appId },
    signInUsers,
    profiles,
  };
}

/** The simulated device this package ships. */
export const SIM_DEVICE: SimDeviceContract = readSimDeviceContract();

/** Whether a capability's `appium:automationName` is the simulated device's (Appium compares it without case). */
export function isSimAutomation(automationName: unknown): boolean {
  return typeof automationName === 'string' && automationName.toLowerCase() === SIM_DEVICE.automationName.toLowerCase();
}

/** A profile module's name: its file's basename without the extension (`./my-profile.mjs` → `my-profile`). */
export function profileModuleName(path: string): string {
  return basename(path).replace(/\.[cm]?[jt]s$/, '');
}

/**
 * The profile a capability runs, as reports name it: the basename of `appium:sdkProfileModule`,
 * else `appium:sdkProfile` (the default profile when the simulated device is given none), else
 * `app` (a real app). Reads the `appium:` keys and, as a session's echo has them, the bare ones.
 */
export function profileNameOf(capabilities: Record<string, unknown>): string {
  const read = (key: string): unknown => capabilities[`appium:${key}`] ?? capabilities[key];
  const module = read('sdkProfileModule');
  if (typeof module === 'string' && module) return profileModuleName(module);
  if (!isSimAutomation(read('automationName'))) return 'app';
  const profile = read('sdkProfile');
  return typeof profile === 'string' && profile ? profile : SIM_DEVICE.defaultProfile;
}
