import { createHash } from 'node:crypto';

/**
 * A short, stable name for a secret-bearing string (JWT, session token): the first 12 hex digits
 * of its SHA-256. Reports and exports show this, never the token itself.
 */
export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}
