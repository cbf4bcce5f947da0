import { resolve } from 'node:path';
import { SIM_AUTOMATION_NAME } from './device-info.ts';
import type { MobilePlatform } from './subject.ts';

export const SIM_PLATFORMS: readonly MobilePlatform[] = ['Android', 'iOS'];

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
  /** An ES module whose default export is a profile (appium:sdkProfileModule); replaces `profiles`. */
  profileModule?: string | undefined;
}

/**
 * Capabilities for the simulated device (IntercomSim), one per profile × platform. The mock
 * launcher adds `appium:mockServerUrl` to each; Appium's host and port come from the appium service.
 */
export function simCapabilities(options: SimCapabilityOptions): WebdriverIO.Capabilities[] {
  const profiles = options.profileModule ? [null] : options.profiles;
  return profiles.flatMap((profile) =>
    options.platforms.map(
      (platformName) =>
        ({
          platformName,
          'appium:automationName': SIM_AUTOMATION_NAME,
          'appium:deviceName': `IntercomSim ${platformName}`,
          'appium:newCommandTimeout': 120,
          ...(options.profileModule ? { 'appium:sdkProfileModule': resolve(options.profileModule) } : { 'appium:sdkProfile': profile }),
        }) as WebdriverIO.Capabilities,
    ),
  );
}

/** The run's capabilities from MOBILE_PROFILE (or MOBILE_PROFILES, a comma list), MOBILE_PROFILE_MODULE and MOBILE_PLATFORMS. */
export function simCapabilitiesFromEnv(env = process.env): WebdriverIO.Capabilities[] {
  const profiles = (env['MOBILE_PROFILES'] ?? env['MOBILE_PROFILE'] ?? 'correct').split(',').map((profile) => profile.trim()).filter(Boolean);
  return simCapabilities({ platforms: platformsFromEnv(env['MOBILE_PLATFORMS']), profiles, profileModule: env['MOBILE_PROFILE_MODULE'] });
}
