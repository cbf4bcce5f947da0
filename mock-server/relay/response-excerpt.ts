import { fingerprint } from '../identity/fingerprint.ts';

/** Largest relayed body kept in a record, serialized; a larger one is journaled as its size only. */
const EXCERPT_LIMIT = 16 * 1024;
/** Keys whose value is a credential (session tokens, JWTs): journaled as a fingerprint. */
const SECRET_KEY = /session|token|jwt|secret|password|authorization/i;
const JWT_SHAPE = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;

export interface ResponseExcerpt {
  body?: unknown;
  /** The body was not JSON, or larger than the limit: only its size is journaled. */
  body_omitted?: 'not-json' | 'too-large';
}

/**
 * The upstream's answer as the journal keeps it: JSON bodies up to 16 KiB, with every credential
 * (a value under a session/token/jwt key, or anything shaped like a JWT) replaced by
 * `fingerprint:<12 hex>`, so exports hold no full token, as for requests.
 */
export function responseExcerpt(body: Buffer, contentType: string | null): ResponseExcerpt {
  if (body.length === 0) return {};
  if (body.length > EXCERPT_LIMIT) return { body_omitted: 'too-large' };
  const text = body.toString('utf8');
  if (contentType && !/json/i.test(contentType)) return { body_omitted: 'not-json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { body_omitted: 'not-json' };
  }
  return { body: redacted(parsed, false) };
}

function redacted(value: unknown, secretKey: boolean): unknown {
  if (typeof value === 'string') return secretKey || JWT_SHAPE.test(value) ? `fingerprint:${fingerprint(value)}` : value;
  if (Array.isArray(value)) return value.map((item) => redacted(item, secretKey));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redacted(inner, secretKey || SECRET_KEY.test(key))]));
  }
  return value;
}
