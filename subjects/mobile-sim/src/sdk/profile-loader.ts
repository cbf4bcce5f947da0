import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SdkProfile, SimPlatform } from '../types.ts';
import { BUILT_IN_PROFILES } from './profiles.ts';

const PLATFORMS: readonly SimPlatform[] = ['android', 'ios'];
const HOOK_NAMES = ['requestJwt', 'logout', 'signIn', 'resume', 'logOut', 'beforeRequest', 'afterResponse'] as const;

/** The capabilities named no usable profile; the message lists the valid choices. */
export class ProfileError extends Error {}

export function builtInProfileNames(): string[] {
  return BUILT_IN_PROFILES.map((profile) => profile.name);
}

/**
 * The profile a session runs: `appium:sdkProfileModule` (an ES module whose default export is a
 * profile) when given, else the built-in named by `appium:sdkProfile` (default `correct`).
 */
export async function selectProfile(name: string | undefined, modulePath: string | undefined): Promise<SdkProfile> {
  if (modulePath !== undefined) {
    const profile = await loadProfileModule(modulePath);
    if (name !== undefined && name !== profile.name) {
      throw new ProfileError(`appium:sdkProfile "${name}" disagrees with the profile "${profile.name}" exported by appium:sdkProfileModule ${modulePath}; give one of them`);
    }
    return profile;
  }
  const wanted = name ?? 'correct';
  const profile = BUILT_IN_PROFILES.find((candidate) => candidate.name === wanted);
  if (!profile) {
    throw new ProfileError(
      `unknown appium:sdkProfile "${wanted}". Valid choices: ${builtInProfileNames().join(', ')}; ` +
        'or set appium:sdkProfileModule to the absolute path of an ES module whose default export is a profile',
    );
  }
  return profile;
}

export async function loadProfileModule(modulePath: string): Promise<SdkProfile> {
  if (!isAbsolute(modulePath)) {
    throw new ProfileError(`appium:sdkProfileModule must be an absolute path (Appium resolves nothing relative to your tests), got "${modulePath}"`);
  }
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(modulePath).href)) as { default?: unknown };
  } catch (error) {
    throw new ProfileError(`cannot load appium:sdkProfileModule ${modulePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (loaded.default === undefined) {
    throw new ProfileError(`appium:sdkProfileModule ${modulePath} has no default export; export default {name, description, platforms, source, hooks}`);
  }
  const profile = validateProfile(loaded.default, `appium:sdkProfileModule ${modulePath}`);
  if (builtInProfileNames().includes(profile.name)) {
    throw new ProfileError(`appium:sdkProfileModule ${modulePath}: the name "${profile.name}" is taken by a built-in profile; choose another`);
  }
  return profile;
}

/** Checks a profile object's shape; every problem is named in one message. */
export function validateProfile(value: unknown, origin: string): SdkProfile {
  if (typeof value !== 'object' || value === null) throw new ProfileError(`${origin}: a profile must be an object, got ${typeof value}`);
  const candidate = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['name', 'description', 'source'] as const) {
    if (typeof candidate[field] !== 'string' || candidate[field] === '') problems.push(`${field} must be a non-empty string`);
  }
  const platforms = candidate['platforms'];
  if (!Array.isArray(platforms) || platforms.length === 0 || platforms.some((platform) => !PLATFORMS.includes(platform as SimPlatform))) {
    problems.push(`platforms must be a non-empty array of ${PLATFORMS.map((platform) => `"${platform}"`).join(' and/or ')}`);
  }
  const timing = candidate['appTiming'];
  if (timing !== undefined) {
    if (typeof timing !== 'object' || timing === null) problems.push('appTiming must be an object {jwtTtlS?, jwtRefreshS?}');
    else {
      for (const [field, seconds] of Object.entries(timing)) {
        if (field !== 'jwtTtlS' && field !== 'jwtRefreshS') problems.push(`appTiming.${field} is not a timing (known: jwtTtlS, jwtRefreshS)`);
        else if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || (field === 'jwtTtlS' && !Number.isInteger(seconds))) problems.push(`appTiming.${field} must be a positive ${field === 'jwtTtlS' ? 'whole ' : ''}number of seconds`);
      }
    }
  }
  const hooks = candidate['hooks'];
  if (hooks !== undefined) {
    if (typeof hooks !== 'object' || hooks === null) {
      problems.push('hooks must be an object');
    } else {
      for (const [hook, implementation] of Object.entries(hooks)) {
        if (!(HOOK_NAMES as readonly string[]).includes(hook)) problems.push(`hooks.${hook} is not a hook (known: ${HOOK_NAMES.join(', ')})`);
        else if (typeof implementation !== 'function') problems.push(`hooks.${hook} must be a function`);
      }
    }
  }
  if (problems.length) throw new ProfileError(`${origin} is not a valid profile: ${problems.join('; ')}`);
  return value as SdkProfile;
}
