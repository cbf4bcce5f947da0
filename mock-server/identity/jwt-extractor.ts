import type { JwtLocation } from '../types.ts';

/** The parts of a request a token can hide in, already parsed. */
export interface RequestParts {
  /** Form or JSON fields; a form field sent twice is an array of its values. */
  body: Record<string, unknown>;
  /** The web messenger's `user_data` form field, parsed from its JSON string: one entry per copy sent. */
  userData: Record<string, unknown>[];
  /** Every value of every header (`req.headersDistinct`): a repeated header is not collapsed. */
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
  query: Record<string, unknown>;
}

export interface ExtractedToken {
  token: string;
  location: JwtLocation;
}

/** Tokens judged per request at most; a client sends one or two. */
export const MAX_TOKENS_PER_REQUEST = 16;

const FIELD = 'intercom_user_jwt';
const JWT_SHAPE = /^[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*$/;
const SCAN_DEPTH = 4;

/**
 * Finds every user JWT a client put anywhere in a request and says where each was: first the
 * fields that name it (any value there counts, so a malformed token is still judged), then
 * anything JWT-shaped in the Authorization header, other headers, the query, cookies, `user_data`
 * and the rest of the body. A location is listed once, in that order.
 */
export function extractJwts(parts: RequestParts): ExtractedToken[] {
  const found = new Found();
  const userDataPath = (index: number): string => (parts.userData.length === 1 ? 'body.user_data' : `body.user_data[${index}]`);

  found.named(parts.body[FIELD], `body.${FIELD}`);
  for (const [index, userData] of parts.userData.entries()) found.named(userData[FIELD], `${userDataPath(index)}.${FIELD}`);
  found.named(asRecord(parts.body['user'])?.[FIELD], `body.user.${FIELD}`);
  found.named(parts.query[FIELD], `query.${FIELD}`);
  found.named(parts.headers['x-intercom-user-jwt'], 'header.x-intercom-user-jwt');

  const authorizations = values(parts.headers['authorization']);
  for (const [index, authorization] of authorizations.entries()) {
    const bearer = authorization.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (bearer && looksLikeJwt(bearer)) found.add(bearer, authorizations.length === 1 ? 'header.authorization' : `header.authorization[${index}]`);
  }
  for (const [name, raw] of Object.entries(parts.headers)) {
    if (name === 'authorization' || name === 'cookie') continue;
    const all = values(raw);
    for (const [index, value] of all.entries()) if (looksLikeJwt(value)) found.add(value, all.length === 1 ? `header.${name}` : `header.${name}[${index}]`);
  }
  found.scan(parts.query, 'query', 0);
  found.scan(parts.cookies, 'cookie', 0);
  for (const [index, userData] of parts.userData.entries()) found.scan(userData, userDataPath(index), 0);
  const { user_data: _parsedAbove, ...rest } = parts.body;
  found.scan(parts.userData.length > 0 ? rest : parts.body, 'body', 0);
  return found.tokens;
}

/** The first token `extractJwts` finds, or null. */
export function extractJwt(parts: RequestParts): ExtractedToken | null {
  return extractJwts(parts)[0] ?? null;
}

/** A JWT's shape: three base64url segments whose first decodes to a JSON header with `alg`. */
export function looksLikeJwt(value: string): boolean {
  if (!JWT_SHAPE.test(value)) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(value.slice(0, value.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && 'alg' in header;
  } catch {
    return false;
  }
}

class Found {
  readonly tokens: ExtractedToken[] = [];
  private readonly locations = new Set<string>();

  add(token: string, location: string): void {
    if (this.tokens.length >= MAX_TOKENS_PER_REQUEST || this.locations.has(location)) return;
    this.locations.add(location);
    this.tokens.push({ token, location });
  }

  /** A field that names the token: any non-empty string counts; a repeated field, each value. */
  named(value: unknown, location: string): void {
    if (typeof value === 'string') {
      if (value.length > 0) this.add(value, location);
      return;
    }
    if (!Array.isArray(value)) return;
    if (value.length === 1) {
      this.named(value[0], location);
      return;
    }
    for (const [index, item] of value.entries()) if (typeof item === 'string' && item.length > 0) this.add(item, `${location}[${index}]`);
  }

  scan(value: unknown, path: string, depth: number): void {
    if (depth > SCAN_DEPTH || this.tokens.length >= MAX_TOKENS_PER_REQUEST) return;
    if (typeof value === 'string') {
      if (looksLikeJwt(value)) this.add(value, path);
      else if (value.startsWith('{')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          return;
        }
        this.scan(parsed, path, depth + 1);
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) this.scan(item, `${path}[${index}]`, depth + 1);
      return;
    }
    const record = asRecord(value);
    if (!record) return;
    for (const [key, item] of Object.entries(record)) this.scan(item, `${path}.${key}`, depth + 1);
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function values(raw: string | string[] | undefined): string[] {
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}
