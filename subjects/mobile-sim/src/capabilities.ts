import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Constraints } from '@appium/types';
import { AUTOMATION_NAME, DEFAULTS, NETWORK_MODES } from './constants.ts';
import { INTERCOM_REGIONS } from './net/intercom-hosts.ts';
import type { IntercomRegion, SimNetwork, SimOptions, SimPlatform } from './types.ts';

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
  network: { isString: true },
  proxyUrl: { isString: true },
  proxyCaPath: { isString: true },
  intercomRegion: { isString: true },
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
  network?: unknown;
  proxyUrl?: unknown;
  proxyCaPath?: unknown;
  intercomRegion?: unknown;
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
  const network = networkOf(caps, problems);
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
    network,
    timingFromCapabilities: { jwtTtlS: caps.jwtTtlS !== undefined && caps.jwtTtlS !== null, jwtRefreshS: caps.jwtRefreshS !== undefined && caps.jwtRefreshS !== null },
  };
}

/**
 * `appium:network`: `direct` (default) or `proxy`, which needs `appium:proxyUrl` and
 * `appium:proxyCaPath` (and takes `appium:intercomRegion`). A proxy setting without the proxy mode
 * is refused rather than ignored, so a session never runs direct when proxied was meant.
 */
function networkOf(caps: SimCapabilities, problems: string[]): SimNetwork {
  const given = nonEmpty(caps.network) ?? 'direct';
  const mode = NETWORK_MODES.find((candidate) => candidate === given.toLowerCase());
  if (!mode) {
    problems.push(`appium:network must be ${NETWORK_MODES.map((name) => `"${name}"`).join(' or ')}, got ${JSON.stringify(caps.network)}`);
    return { mode: 'direct' };
  }
  const region = regionOf(caps.intercomRegion, problems);
  if (mode === 'direct') {
    for (const [name, value] of [['appium:proxyUrl', caps.proxyUrl], ['appium:proxyCaPath', caps.proxyCaPath]] as const) {
      if (value !== undefined && value !== null) problems.push(`${name} is only used with appium:network "proxy"; set that too, or leave ${name} out`);
    }
    return { mode };
  }
  const proxyUrl = proxyUrlOf(caps.proxyUrl, problems);
  const ca = caOf(caps.proxyCaPath, problems);
  if (!proxyUrl || !ca) return { mode: 'direct' };
  return { mode, proxyUrl, caPath: ca.path, caPem: ca.pem, region };
}

function regionOf(value: unknown, problems: string[]): IntercomRegion {
  const given = nonEmpty(value);
  if (given === undefined) return DEFAULTS.intercomRegion;
  const region = INTERCOM_REGIONS.find((candidate) => candidate === given.toLowerCase());
  if (!region) problems.push(`appium:intercomRegion must be ${INTERCOM_REGIONS.map((name) => `"${name}"`).join(', ')}, got ${JSON.stringify(value)}`);
  return region ?? DEFAULTS.intercomRegion;
}

function proxyUrlOf(value: unknown, problems: string[]): string | null {
  const given = nonEmpty(value);
  if (given !== undefined) {
    try {
      const url = new URL(given);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/') return given.replace(/\/+$/, '');
    } catch {
      // reported below
    }
  }
  problems.push(`appium:network "proxy" needs appium:proxyUrl, the recording proxy's URL such as http://127.0.0.1:8000, got ${JSON.stringify(value)}`);
  return null;
}

function caOf(value: unknown, problems: string[]): { path: string; pem: string } | null {
  const path = nonEmpty(value);
  if (path === undefined || !isAbsolute(path)) {
    problems.push(`appium:network "proxy" needs appium:proxyCaPath, the absolute path of the run's CA certificate (PEM), got ${JSON.stringify(value)}`);
    return null;
  }
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`appium:proxyCaPath ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); give the CA certificate the proxy signs with`);
    return null;
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    problems.push(`appium:proxyCaPath ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----); give the CA's PEM file (ca.pem), not its key or DER form`);
    return null;
  }
  return { path, pem };
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
