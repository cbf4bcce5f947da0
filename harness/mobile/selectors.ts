import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SIM_DEVICE } from './device-contract.ts';

/**
 * The selector map: every element the mobile screen objects touch, by key. A value is an
 * accessibility id (`status` → `~status`: content-desc on Android, accessibilityIdentifier/name
 * on iOS) or any WebdriverIO selector kept as written (`~id`, `//xpath`, `id=…`,
 * `-android uiautomator:…`, `-ios predicate string:…`, `-ios class chain:…`).
 *
 * The defaults are the simulated device's ids, published in its manifest (device-contract.ts).
 * A real app under test supplies its own map as JSON via MOBILE_SELECTORS=path.json; keys left
 * out keep the default, unknown keys are an error.
 */
export interface SelectorMap {
  /** A text element the app rewrites after every action (optional: null when the app has none). */
  status: string | null;
  /** The sign-in control for one user; `{user}` is replaced by the user id (alice, bob). */
  logIn: string;
  refreshJwt: string;
  openMessenger: string;
  logout: string;
  /** "Continue as guest": the app logs an unidentified user in to Intercom and opens the messenger. */
  visitor: string;
  /** The messenger's container, present while the messenger is shown. */
  messenger: string;
  closeMessenger: string;
  userName: string;
  conversationList: string;
  replyInput: string;
  sendReply: string;
  /**
   * Regular expressions the status text matches once an action without messenger traffic has
   * settled (logout, a JWT refresh). Ignored when `status` is null.
   */
  settled: { logOut: string; refreshJwt: string };
  /** Package (Android) or bundle id (iOS) of the app, for activateApp after a background. */
  appId: string;
}

/** The simulated device's map, from its manifest (subjects/mobile-sim/package.json, `intercomSim.selectors`). */
export const SIM_SELECTORS: SelectorMap = SIM_DEVICE.selectors;

const KEEP_AS_WRITTEN = /^(~|\/|\(|\.\/|-android |-ios |id=|xpath=|android=|ios=)/;

/** A selector-map value as a WebdriverIO selector: a bare id becomes `~id`. */
export function toWdioSelector(value: string): string {
  return KEEP_AS_WRITTEN.test(value) ? value : `~${value}`;
}

/** Reads MOBILE_SELECTORS (a JSON file) over the simulated device's defaults. */
export function loadSelectorMap(file = process.env['MOBILE_SELECTORS']): SelectorMap {
  if (!file) return SIM_SELECTORS;
  const path = resolve(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`MOBILE_SELECTORS=${file}: cannot read a JSON selector map from ${path} (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`MOBILE_SELECTORS=${file}: expected a JSON object with some of the keys ${Object.keys(SIM_SELECTORS).join(', ')}`);
  }
  const given = parsed as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !(key in SIM_SELECTORS));
  if (unknown.length) throw new Error(`MOBILE_SELECTORS=${file}: unknown key(s) ${unknown.join(', ')}; valid keys: ${Object.keys(SIM_SELECTORS).join(', ')}`);
  for (const [key, value] of Object.entries(given)) {
    const ok = key === 'settled' ? typeof value === 'object' && value !== null : key === 'status' ? value === null || typeof value === 'string' : typeof value === 'string' && value !== '';
    if (!ok) throw new Error(`MOBILE_SELECTORS=${file}: "${key}" must be ${key === 'settled' ? 'an object {logOut, refreshJwt} of regular expressions' : key === 'status' ? 'a selector or null' : 'a non-empty selector string'}`);
  }
  if (typeof given['logIn'] === 'string' && !given['logIn'].includes('{user}')) {
    throw new Error(`MOBILE_SELECTORS=${file}: "logIn" must contain {user} (e.g. "login-{user}"), it names one sign-in control per user`);
  }
  return { ...SIM_SELECTORS, ...given, settled: { ...SIM_SELECTORS.settled, ...((given['settled'] as object | undefined) ?? {}) } } as SelectorMap;
}
