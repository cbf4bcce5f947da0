import { randomUUID } from 'node:crypto';
import type { Constraints } from '@appium/types';
import { AUTOMATION_NAME, DEFAULTS } from './constants.ts';
import type { SimOptions, SimPlatform } from './types.ts';

/**
 * The capabilities the driver accepts (Appium leaves undeclared ones out of the session, so every
 * `appium:` option is declared here). Types are checked by Appium; values by `readSimOptions`.
 */
export const SIM_CAP_CONSTRAINTS = {
  platformName: { presence: true, isString: true, inclusionCaseInsensitive: ['Android', 'iOS'] },
  automationName: { presence: true, isString: true, inclusionCaseInsensitive: [AUTOMATION_NAME] },
  deviceName: { isString: true },
  mockServerUrl: { isString: true },
  tokenServiceUrl: { isString: true },
  intercomAppId: { isString: true },
  jwtTtlS: { isNumber: true },
  jwtRefreshS: { isNumber: true },
  sdkProfile: { isString: true },
  sdkProfileModule: { isString: true },
  sdkVersion: { isString: true },
  mockNamespace: { isString: true },
} as const satisfies Constraints;

export type SimConstraints = typeof SIM_CAP_CONSTRAINTS;

/** What `readSimOptions` reads: the session's options, `appium:` prefixes already removed. */
export interface SimCapabilities {
  platformName?: unknown;
  platformVersion?: unknown;
  udid?: unknown;
  mockServerUrl?: unknown;
  tokenServiceUrl?: unknown;
  intercomAppId?: unknown;
  jwtTtlS?: unknown;
  jwtRefreshS?: unknown;
  sdkVersion?: unknown;
  mockNamespace?: unknown;
}

/** A capability had a value the driver cannot use; the message names each one and what to give instead. */
export class CapabilityError extends Error {}

export function readSimOptions(caps: SimCapabilities): SimOptions {
  const problems: string[] = [];
  const platform = platformOf(caps.platformName);
  const mockServerUrl = httpUrl(caps.mockServerUrl, 'appium:mockServerUrl', DEFAULTS.mockServerUrl, problems);
  const tokenServiceUrl = httpUrl(caps.tokenServiceUrl, 'appium:tokenServiceUrl', `${mockServerUrl}/app-backend`, problems);
  const jwtTtlS = positive(caps.jwtTtlS, 'appium:jwtTtlS', DEFAULTS.jwtTtlS, true, problems);
  const jwtRefreshS = positive(caps.jwtRefreshS, 'appium:jwtRefreshS', DEFAULTS.jwtRefreshS, false, problems);
  if (problems.length) throw new CapabilityError(`invalid capabilities: ${problems.join('; ')}`);
  return {
    platform,
    mockServerUrl,
    tokenServiceUrl,
    intercomAppId: nonEmpty(caps.intercomAppId) ?? DEFAULTS.intercomAppId,
    jwtTtlS,
    jwtRefreshS,
    sdkVersion: nonEmpty(caps.sdkVersion) ?? DEFAULTS.sdkVersion[platform],
    platformVersion: nonEmpty(caps.platformVersion) ?? DEFAULTS.platformVersion[platform],
    deviceIdentifier: nonEmpty(caps.udid) ?? randomUUID(),
    namespace: nonEmpty(caps.mockNamespace) ?? null,
    timingFromCapabilities: { jwtTtlS: caps.jwtTtlS !== undefined && caps.jwtTtlS !== null, jwtRefreshS: caps.jwtRefreshS !== undefined && caps.jwtRefreshS !== null },
  };
}

function platformOf(value: unknown): SimPlatform {
  return String(value).toLowerCase() === 'ios' ? 'ios' : 'android';
}

function httpUrl(value: unknown, name: string, fallback: string, problems: string[]): string {
  const given = nonEmpty(value);
  if (given === undefined) return fallback.replace(/\/+$/, '');
  try {
    const url = new URL(given);
    if (url.protocol === 'http:' || url.protocol === 'https:') return given.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`${name} must be an http(s) URL such as http://127.0.0.1:4010, got ${JSON.stringify(value)}`);
  return fallback;
}

function positive(value: unknown, name: string, fallback: number, integer: boolean, problems: string[]): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    problems.push(`${name} must be a positive ${integer ? 'whole ' : ''}number of seconds, got ${JSON.stringify(value)}`);
    return fallback;
  }
  return value;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
