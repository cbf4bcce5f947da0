import type { JwtLocation } from '../types.ts';

/** The parts of a request a token can hide in, already parsed. */
export interface RequestParts {
  body: Record<string, unknown>;
  /** The web messenger's `user_data` form field, parsed from its JSON string. */
  userData: Record<string, unknown> | null;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
  query: Record<string, unknown>;
}

export interface ExtractedToken {
  token: string;
  location: JwtLocation;
}

const FIELD = 'intercom_user_jwt';
const JWT_SHAPE = /^[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*$/;
const SCAN_DEPTH = 4;

/**
 * Finds the user JWT wherever a client put it and says where: first the fields that name it
 * (any value there counts, so a malformed token is still judged), then anything JWT-shaped in
 * the Authorization header, other headers, the query, cookies and the rest of the body.
 */
export function extractJwt(parts: RequestParts): ExtractedToken | null {
  const named: [unknown, JwtLocation][] = [
    [parts.body[FIELD], `body.${FIELD}`],
    [parts.userData?.[FIELD], `body.user_data.${FIELD}`],
    [asRecord(parts.body['user'])?.[FIELD], `body.user.${FIELD}`],
    [parts.query[FIELD], `query.${FIELD}`],
    [headerValue(parts.headers, 'x-intercom-user-jwt'), 'header.x-intercom-user-jwt'],
  ];
  for (const [value, location] of named) {
    if (typeof value === 'string' && value.length > 0) return { token: value, location };
  }

  const authorization = headerValue(parts.headers, 'authorization');
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer && looksLikeJwt(bearer)) return { token: bearer, location: 'header.authorization' };

  for (const [name, raw] of Object.entries(parts.headers)) {
    if (name === 'authorization' || name === 'cookie') continue;
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value && looksLikeJwt(value)) return { token: value, location: `header.${name}` };
  }
  return (
    scan(parts.query, 'query', 0) ??
    scan(parts.cookies, 'cookie', 0) ??
    scan(parts.userData ?? {}, 'body.user_data', 0) ??
    scan(parts.body, 'body', 0)
  );
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

function scan(value: unknown, path: string, depth: number): ExtractedToken | null {
  if (depth > SCAN_DEPTH) return null;
  if (typeof value === 'string') {
    if (looksLikeJwt(value)) return { token: value, location: path };
    if (value.startsWith('{')) {
      try {
        return scan(JSON.parse(value), path, depth + 1);
      } catch {
        return null;
      }
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = scan(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = asRecord(value);
  if (!record) return null;
  for (const [key, item] of Object.entries(record)) {
    const found = scan(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function headerValue(headers: RequestParts['headers'], name: string): string | undefined {
  const raw = headers[name];
  return Array.isArray(raw) ? raw[0] : raw;
}
