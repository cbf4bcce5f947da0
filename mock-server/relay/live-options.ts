/**
 * Live mode's settings and where they come from. The conformance CLI's `--live` and
 * `--live-upstream` reach the mocks the Playwright fixture and the WDIO launcher start as
 * environment variables, which `createMockServer` reads when its caller gave no `live` option.
 */

/** The workspace's identity-verification secret (Settings → Messenger Security). */
export const IDENTITY_SECRET_ENV = 'INTERCOM_IDENTITY_SECRET';
/** A REST API access token of the test workspace (Developer Hub → your app → Authentication). */
export const ACCESS_TOKEN_ENV = 'INTERCOM_ACCESS_TOKEN';
/** The workspace's region: us (default), eu or au; picks the REST API host. */
export const REGION_ENV = 'INTERCOM_REGION';
/** Set to 1 by `--live`: mocks started in this environment relay instead of answering. */
export const LIVE_ENV = 'CONFORMANCE_LIVE';
/** `--live-upstream`: one base URL standing in for Intercom's messenger hosts and its REST API. */
export const LIVE_UPSTREAM_ENV = 'CONFORMANCE_LIVE_UPSTREAM';
/** Set by a run that planted the test users once for all its mocks; they then plant nothing. */
export const LIVE_PLANTED_ENV = 'CONFORMANCE_LIVE_PLANTED';
/** The canary seed every mock of one live run shares, so all of them judge the planted canaries. */
export const LIVE_SEED_ENV = 'CONFORMANCE_LIVE_SEED';

export type Region = 'us' | 'eu' | 'au';

const REST_HOSTS: Record<Region, string> = { us: 'https://api.intercom.io', eu: 'https://api.eu.intercom.io', au: 'https://api.au.intercom.io' };

export interface LiveOptions {
  /** The workspace's identity secret: JWTs are judged with it, and the mock's tokens signed with it. */
  identitySecret: string;
  /** REST API access token, for planting and removing the test users. */
  accessToken: string;
  /** A stand-in for Intercom: messenger requests and REST calls go here instead of Intercom's hosts. */
  upstream?: string;
  region?: Region;
  /** Plant the seeded users at start and remove them at close. Default true. */
  plant?: boolean;
  /** How long one upstream request may take before it is answered 504. Default 30 s. */
  upstreamTimeoutMs?: number;
}

/** Names the variable live mode needs and does not have. */
export class LiveSettingsError extends Error {}

/** The REST API base: the stand-in, else the region's host. */
export function restBaseOf(live: LiveOptions): string {
  return live.upstream ?? REST_HOSTS[live.region ?? 'us'];
}

/** Live settings from the environment: null unless CONFORMANCE_LIVE=1; a missing secret is an error naming it. */
export function liveOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LiveOptions | null {
  if (env[LIVE_ENV] !== '1') return null;
  return { ...liveCredentialsFromEnv(env), ...upstreamFromEnv(env), plant: env[LIVE_PLANTED_ENV] !== '1' };
}

/** The secret and the token, each required; the error names the variable, never a value. */
export function liveCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<LiveOptions, 'identitySecret' | 'accessToken' | 'region'> {
  const identitySecret = env[IDENTITY_SECRET_ENV];
  if (!identitySecret) throw new LiveSettingsError(`live mode needs ${IDENTITY_SECRET_ENV}: export the test workspace's identity-verification secret (Settings → Messenger Security)`);
  const accessToken = env[ACCESS_TOKEN_ENV];
  if (!accessToken) throw new LiveSettingsError(`live mode needs ${ACCESS_TOKEN_ENV}: export a REST API access token of the test workspace`);
  const region = env[REGION_ENV];
  if (region !== undefined && region !== 'us' && region !== 'eu' && region !== 'au') throw new LiveSettingsError(`${REGION_ENV} must be us, eu or au, got "${region}"`);
  return { identitySecret, accessToken, ...(region ? { region } : {}) };
}

function upstreamFromEnv(env: NodeJS.ProcessEnv): Pick<LiveOptions, 'upstream'> {
  const upstream = env[LIVE_UPSTREAM_ENV];
  return upstream ? { upstream: checkedUpstream(upstream) } : {};
}

/** An upstream base URL: http(s), no query or fragment; returned without a trailing slash. */
export function checkedUpstream(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LiveSettingsError(`--live-upstream: "${value}" is not a URL (e.g. http://127.0.0.1:4999)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LiveSettingsError(`--live-upstream: "${value}" must be http:// or https://`);
  if (url.search || url.hash) throw new LiveSettingsError(`--live-upstream: "${value}" must be a base URL without query or fragment`);
  return url.href.replace(/\/+$/, '');
}
