import { resolve } from 'node:path';
import { SIM_DEVICE } from './device-contract.ts';
import type { MobilePlatform } from './subject.ts';

/** The simulated device's platforms (its manifest's `appium.platformNames`). */
export const SIM_PLATFORMS: readonly MobilePlatform[] = SIM_DEVICE.platforms;

/** MOBILE_PLATFORMS=android,ios (default both), case-insensitive. */
export function platformsFromEnv(value = process.env['MOBILE_PLATFORMS']): MobilePlatform[] {
  if (!value) return [...SIM_PLATFORMS];
  return value.split(',').map((name) => {
    const platform = SIM_PLATFORMS.find((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
    if (!platform) throw new Error(`MOBILE_PLATFORMS: "${name}" is not a platform; use android, ios or both (android,ios)`);
    return platform;
  });
}

export interface SimCapabilityOptions {
  platforms: readonly MobilePlatform[];
  /** Built-in profiles of the simulated SDK (appium:sdkProfile); one capability per platform × profile. */
  profiles: readonly string[];
  /** Cells `profile×Platform` to run instead of every profile × platform (the self-test's corpus runs on one platform). */
  cells?: readonly { profile: string; platform: MobilePlatform }[] | undefined;
  /** An ES module whose default export is a profile (appium:sdkProfileModule); replaces `profiles`. */
  profileModule?: string | undefined;
  /** The app's JWT timing (appium:jwtTtlS, appium:jwtRefreshS); left out, the profile's or the driver's defaults. */
  timing?: { jwtTtlS?: number; jwtRefreshS?: number } | undefined;
}

/**
 * Capabilities for the simulated device, one per profile × platform. The mock
 * launcher adds `appium:mockServerUrl` to each; Appium's host and port come from the appium service.
 */
export function simCapabilities(options: SimCapabilityOptions): WebdriverIO.Capabilities[] {
  const profiles = options.profileModule ? [null] : options.profiles;
  const cells =
    options.cells && !options.profileModule
      ? options.cells.filter((cell) => options.platforms.includes(cell.platform))
      : profiles.flatMap((profile) => options.platforms.map((platform) => ({ profile, platform })));
  return cells.map(
    ({ profile, platform: platformName }) =>
      ({
        platformName,
        'appium:automationName': SIM_DEVICE.automationName,
        'appium:deviceName': `${SIM_DEVICE.automationName} ${platformName}`,
        'appium:newCommandTimeout': 120,
        ...(options.profileModule ? { 'appium:sdkProfileModule': resolve(options.profileModule) } : { 'appium:sdkProfile': profile }),
        ...timingCapabilities(options.timing),
      }) as WebdriverIO.Capabilities,
  );
}

/** `appium:jwtTtlS` / `appium:jwtRefreshS` when given: the app's JWT lifetime and refresh delay. */
function timingCapabilities(timing: SimCapabilityOptions['timing']): Record<string, number> {
  return {
    ...(timing?.jwtTtlS === undefined ? {} : { 'appium:jwtTtlS': timing.jwtTtlS }),
    ...(timing?.jwtRefreshS === undefined ? {} : { 'appium:jwtRefreshS': timing.jwtRefreshS }),
  };
}

/**
 * MOBILE_CELLS=correct×Android,correct-margin-10s×Android: the cells to run (the self-test).
 * MOBILE_JWT_TTL_S / MOBILE_JWT_REFRESH_S: the app's timing, as whole seconds > 0.
 */
export function cellsFromEnv(value: string | undefined): SimCapabilityOptions['cells'] {
  if (!value) return undefined;
  return value.split(',').map((name) => {
    const [profile, platformName] = name.trim().split('×');
    const platform = SIM_PLATFORMS.find((candidate) => candidate === platformName);
    if (!profile || !platform) throw new Error(`MOBILE_CELLS: "${name}" is not a cell; write profile×Platform, e.g. correct×Android`);
    return { profile, platform };
  });
}

export function timingFromEnv(env: Record<string, string | undefined>): SimCapabilityOptions['timing'] {
  const read = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds <= 0) throw new Error(`${name}: "${value}" is not a whole number of seconds > 0`);
    return seconds;
  };
  const jwtTtlS = read('MOBILE_JWT_TTL_S');
  const jwtRefreshS = read('MOBILE_JWT_REFRESH_S');
  return { ...(jwtTtlS === undefined ? {} : { jwtTtlS }), ...(jwtRefreshS === undefined ? {} : { jwtRefreshS }) };
}

/**
 * The run's capabilities from MOBILE_PROFILE (or MOBILE_PROFILES, a comma list), MOBILE_CELLS,
 * MOBILE_PROFILE_MODULE, MOBILE_PLATFORMS, MOBILE_JWT_TTL_S and MOBILE_JWT_REFRESH_S.
 */
export function simCapabilitiesFromEnv(env: Record<string, string | undefined> = process.env): WebdriverIO.Capabilities[] {
  const profiles = (env['MOBILE_PROFILES'] ?? env['MOBILE_PROFILE'] ?? SIM_DEVICE.defaultProfile).split(',').map((profile) => profile.trim()).filter(Boolean);
  return simCapabilities({
    platforms: platformsFromEnv(env['MOBILE_PLATFORMS']),
    profiles,
    cells: cellsFromEnv(env['MOBILE_CELLS']),
    profileModule: env['MOBILE_PROFILE_MODULE'],
    timing: timingFromEnv(env),
  });
}
