/** Public types of the mock Intercom API: the journal record, verdicts and server options. */

export type Platform = 'web' | 'android' | 'ios' | 'other';

/** Verdict of one JWT against the workspace secrets and the mock's clock. */
export type JwtStatus =
  | 'valid'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_signature'
  | 'malformed'
  | 'missing_user_id'
  | 'alg_not_allowed'
  | 'user_mismatch';

export const JWT_STATUSES: readonly JwtStatus[] = [
  'valid',
  'expired',
  'not_yet_valid',
  'bad_signature',
  'malformed',
  'missing_user_id',
  'alg_not_allowed',
  'user_mismatch',
];

/** Where in a request the extractor found the token, e.g. `body.user_data.intercom_user_jwt`. */
export type JwtLocation = string;

export interface JwtEvidence {
  location: JwtLocation;
  /** First 12 hex digits of SHA-256 over the whole token: identifies it without revealing it. */
  fingerprint: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  status: JwtStatus;
  /** Seconds from receipt (mock clock) to `exp`; negative once expired; null without `exp`. */
  exp_in_s: number | null;
  /** Which workspace secret verified the signature, when one did. */
  secret?: 'primary' | 'rotated';
  /** Why the verdict is not `valid`, e.g. `claims nest deeper than 32 levels`; absent when valid. */
  reason?: string;
}

export interface SessionEvidence {
  fingerprint: string;
  /** Owner of the session: a user's `user_id`, or null for a lead's or an unknown session. */
  user_id: string | null;
  lead_id?: string | null;
  state: 'live' | 'expired' | 'unknown';
  /** With `unknown`: the mock did issue this token, but forgot it to stay under its session cap. */
  evicted?: boolean;
}

export interface IdentityResolution {
  kind: 'user' | 'lead' | 'none';
  user_id?: string;
  lead_id?: string;
  via?: 'jwt' | 'session' | 'anonymous_id' | 'unverified';
}

/** What the client claimed about itself beside the token (web `user_data`, mobile `user`). */
export interface ClaimedIdentity {
  user_id?: string;
  email?: string;
  anonymous_id?: string;
}

/** One journal record per messenger request, written before the response is sent. */
export interface JournalRecord {
  seq: number;
  time: string;
  ns: string;
  method: string;
  path: string;
  platform: Platform;
  app_id: string | null;
  device_id: string | null;
  user_agent: string | null;
  user_data: ClaimedIdentity | null;
  /** The decisive token: the worst verdict of `jwts` (first found on a tie), null without any. */
  jwt: JwtEvidence | null;
  /** Every token the request carried, in the extractor's order, each with its own location. */
  jwts?: JwtEvidence[];
  session: SessionEvidence | null;
  identity: IdentityResolution;
  /** Whose data the response body carried (true provenance, built as the body was). */
  served: { user_ids: string[]; lead_ids?: string[] };
  response: { status: number; error?: string };
  fault?: { id: string };
  /** Fingerprint of the session token the response handed out, when it handed one out. */
  session_issued?: string;
  /**
   * Send-order position the sender or forwarder stamped (`x-conformance-sent`), null when none
   * did. Judging "before or after a boundary" uses it, so a request sent before a logout passes
   * even if it lands after.
   */
  sent?: number | null;
  /** The host the client addressed (the browser routing's `x-conformance-host`, else the Host header). */
  host?: string | null;
  /** No modelled endpoint answered (the mock said 404): journaled as sent, so nothing goes unseen. */
  unmodelled?: true;
  /** Present only when the recording proxy forwarded the request (a device's traffic). */
  via?: ProxyDelivery;
}

/** How the recording proxy received a request it forwarded: when, and over what TLS. */
export interface ProxyDelivery {
  kind: 'proxy';
  /** When the proxy had the request (ISO 8601, the machine's clock), null if its stamp was unreadable. */
  received_at: string | null;
  /** What the client negotiated with the proxy; null over plain HTTP. */
  tls: { version: string; sni: string | null; cipher: string | null } | null;
}

export interface RecordFilter {
  /** Exclusive lower bound on seq. */
  since?: number;
  /** Inclusive upper bound on seq. */
  until?: number;
  platform?: Platform;
  user_id?: string;
  path?: string;
  jwt_status?: readonly (JwtStatus | 'none')[];
  ns?: string;
  limit?: number;
}

export interface SeedUser {
  user_id: string;
  email?: string;
  name?: string;
  /** Conversation texts; each gets a canary appended. Defaults to one conversation. */
  conversations?: string[];
}

export type StaticRoute = { path: string; dir: string } | { path: string; file: string };

/** A JWT the mock minted (admin `/tokens` or the token service), for token timelines. */
export interface IssuedTokenEntry {
  fingerprint: string;
  user_id: string | null;
  iat: number | null;
  exp: number | null;
  /** Journal seq at the moment of issue: requests after it may carry this token. */
  after_seq: number;
  time: string;
  /** `seen`: not minted by the mock, first seen in a request (the app's own backend signed it). */
  via: 'admin' | 'token-service' | 'seen';
}

export interface MockServerOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /**
   * Host names the admin API answers besides loopback (127.0.0.1, localhost, [::1]) and the bound
   * address; a leading dot allows a domain and its subdomains (`.example.test`).
   */
  allowedHosts?: string[];
  appId?: string;
  /** HS256 secret that signs tokens by default. */
  primarySecret?: string;
  /** A second secret that still verifies (key rotation). Null disables it. */
  rotatedSecret?: string | null;
  /** Refuse identified requests without a valid JWT. Default true. */
  enforceIdentityVerification?: boolean;
  /** Keep resolving a user through a live session once their JWT expired (Intercom's default). */
  sessionOutlivesJwt?: boolean;
  /** Session lifetime in seconds; Intercom's default is one week. */
  sessionTtlS?: number;
  /**
   * How tokens the mock did not mint are judged for expiry: against the mock's clock (default), or
   * `from-first-use`, aged from the real time the mock first saw them (a team's own backend signs on
   * the real clock while a test moves the mock's through a simulated session).
   */
  foreignTokenTime?: 'mock-clock' | 'from-first-use';
  /** Users seeded at start and restored on reset. Default alice and bob. */
  seedUsers?: SeedUser[];
  /** Makes canaries reproducible; random by default. */
  seed?: string;
  /** Records kept in memory before the oldest spill to `spillFile`. Default 200000. */
  journalCap?: number;
  /** Where records beyond the cap go (NDJSON). Default reports/journal-spill-<port>-<pid>.ndjson. */
  spillFile?: string;
  /** Leave the spill file in place on `close()` and at exit; by default it is removed. */
  keepSpillFile?: boolean;
  /** Sessions held; past it the least recently used is forgotten and replays of it are judged `unknown`, `evicted: true`. Default 100000. */
  sessionCap?: number;
  /** Leads (first-time visitors) held; past it the least recently seen is forgotten. Default 100000. */
  leadCap?: number;
  /** Default TTL for tokens issued by the admin API and the token service. Default 3600. */
  defaultTokenTtlS?: number;
  /**
   * Static assets served beside the API, e.g. a messenger bundle: `{path, dir}` serves a folder,
   * `{path, file}` serves one file for every URL under `path` (`/widget/<app_id>`).
   */
  staticRoutes?: StaticRoute[];
  /**
   * Switches used by the benchmark to measure the bare express stack: with `verify: false`
   * identity comes from the claimed user_data, with `journal: false` nothing is recorded.
   */
  instrumentation?: { verify?: boolean; journal?: boolean };
}

export interface MockServer {
  url: string;
  port: number;
  appId: string;
  close(): Promise<void>;
}
