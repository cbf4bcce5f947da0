import { createHmac } from 'node:crypto';
import { DEFAULT_PRIMARY_SECRET } from '../../mock-server/constants.ts';

const segment = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An HS256 JWT built by hand, so tests can send headers and claims no library would produce. */
export function handMadeJwt(header: unknown, claims: unknown, secret = DEFAULT_PRIMARY_SECRET): string {
  const input = `${segment(header)}.${segment(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The same token with one padding bit of its last base64url character flipped: same bytes, other text. */
export function flipPaddingBit(token: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(token.at(-1)!);
  return token.slice(0, -1) + alphabet[last ^ 1];
}
