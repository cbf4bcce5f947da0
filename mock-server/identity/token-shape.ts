/**
 * The shape checks a JWT must pass before anything of it is decoded or kept: bounded length,
 * three canonical base64url segments, JSON objects no deeper than a record can safely hold.
 * Anything else is `malformed`, with the reason saying which rule it broke.
 */

/** Longest token judged; longer ones are malformed unread, so records stay small. */
export const MAX_TOKEN_CHARS = 16_384;
/** Deepest nesting of header or claims kept in a record. */
export const MAX_JSON_DEPTH = 32;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export type DecodedToken =
  | { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { ok: false; reason: string; header: Record<string, unknown> | null };

export function decodeToken(token: string): DecodedToken {
  if (token.length > MAX_TOKEN_CHARS) return { ok: false, header: null, reason: `token is ${token.length} characters, longer than ${MAX_TOKEN_CHARS}` };
  if (/\s/.test(token)) return { ok: false, header: null, reason: 'token contains whitespace' };
  const segments = token.split('.');
  if (segments.length !== 3) return { ok: false, header: null, reason: `token has ${segments.length} dot-separated segments, not 3` };
  const names = ['header', 'claims', 'signature'] as const;
  for (const [index, segment] of segments.entries()) {
    const name = names[index]!;
    if (!BASE64URL.test(segment)) return { ok: false, header: null, reason: `${name} is not base64url (only A-Z a-z 0-9 - _, no padding)` };
    // Decoding drops the unused low bits of the last character; a token that sets them is another string for the same bytes.
    if (Buffer.from(segment, 'base64url').toString('base64url') !== segment) {
      return { ok: false, header: null, reason: `${name} is not canonical base64url (non-zero padding bits or a dangling character)` };
    }
  }
  const header = parseObject(segments[0]!, 'header');
  if (typeof header === 'string') return { ok: false, header: null, reason: header };
  const claims = parseObject(segments[1]!, 'claims');
  if (typeof claims === 'string') return { ok: false, header, reason: claims };
  return { ok: true, header, claims };
}

function parseObject(segment: string, name: 'header' | 'claims'): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch (error) {
    return `${name} is not JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${name} is not a JSON object`;
  if (exceedsDepth(value, MAX_JSON_DEPTH)) return `${name === 'claims' ? 'claims nest' : 'header nests'} deeper than ${MAX_JSON_DEPTH} levels`;
  return value as Record<string, unknown>;
}

/** Iterative, so a hostile nesting cannot exhaust the stack here either. */
function exceedsDepth(root: object, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
