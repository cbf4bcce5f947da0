import { createHash } from 'node:crypto';

/** First 12 hex digits of SHA-256, the same name the mock's journal gives a token. */
export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}
