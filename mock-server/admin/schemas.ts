import { z } from 'zod';
import { JWT_STATUSES } from '../types.ts';
import { ISSUABLE_ALGS } from '../identity/token-issuer.ts';
import { MAX_CLOCK_OFFSET_S } from '../clock.ts';

/** Request bodies and queries of the admin API; every 400 names the field that was wrong. */

const userId = z.string().min(1, 'must be a non-empty string').max(256);

export const createUserBody = z.strictObject({
  user_id: userId,
  email: z.email().optional(),
  name: z.string().min(1).max(256).optional(),
  conversations: z.array(z.string().min(1)).max(100).optional(),
});

export const issueTokenBody = z.strictObject({
  user_id: userId,
  email: z.string().optional(),
  ttl_s: z.number().int().optional(),
  claims: z.record(z.string(), z.unknown()).optional(),
  secret: z.enum(['primary', 'rotated', 'wrong']).optional(),
  alg: z.enum(ISSUABLE_ALGS as [string, ...string[]]).optional(),
});

export const issuedTokensQuery = z.strictObject({ user_id: z.string().min(1).optional() });

export const markBody = z.strictObject({
  label: z.string().min(1).max(200),
  /** Send-order position of the boundary (see `x-conformance-sent`): records with a higher `sent` came after it. */
  sent: z.number().int().nonnegative().optional(),
});

export const resetBody = z.strictObject({ all: z.boolean().optional() }).optional();

const clockSeconds = z
  .number()
  .finite()
  .min(-MAX_CLOCK_OFFSET_S, `must be from -${MAX_CLOCK_OFFSET_S} to ${MAX_CLOCK_OFFSET_S} seconds (±100 years)`)
  .max(MAX_CLOCK_OFFSET_S, `must be from -${MAX_CLOCK_OFFSET_S} to ${MAX_CLOCK_OFFSET_S} seconds (±100 years)`);

export const clockBody = z
  .strictObject({
    offset_s: clockSeconds.optional(),
    advance_s: clockSeconds.optional(),
    /** Holds the clock at this instant (ms since the epoch) until the next change. */
    hold_at_ms: z.number().finite().optional(),
  })
  .refine((body) => [body.offset_s, body.advance_s, body.hold_at_ms].filter((value) => value !== undefined).length === 1, {
    message: 'give exactly one of offset_s (run, shifted), advance_s (move by) or hold_at_ms (stand still at)',
    path: ['offset_s'],
  });

export const faultBody = z.strictObject({
  path: z.string().startsWith('/', 'must start with "/"'),
  // 1xx are interim answers that cannot end a response: the client would see a reset, the journal a status.
  status: z.number().int().min(200, 'must be from 200 to 599, a status a response can end with').max(599, 'must be from 200 to 599, a status a response can end with').optional(),
  delay_ms: z.number().int().min(0).max(60_000).optional(),
  times: z.number().int().min(1).optional(),
  body: z.unknown().optional(),
  platform: z.enum(['web', 'android', 'ios', 'other']).optional(),
  ns: z.string().min(1).optional(),
}).refine((body) => body.status !== undefined || body.delay_ms !== undefined, {
  message: 'a fault needs a status, a delay_ms, or both',
  path: ['status'],
});

const jwtStatus = z.enum([...JWT_STATUSES, 'none']);

const jwtStatusList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(jwtStatus).min(1));

const sinceValue = z.union([z.number().int().min(0), z.string().min(1)]);

/** Filters shared by GET /requests (query strings) and POST /requests/wait (JSON). */
export const filterFields = {
  since: sinceValue.optional(),
  until: z.coerce.number().int().min(0).optional(),
  platform: z.enum(['web', 'android', 'ios', 'other']).optional(),
  user_id: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
  jwt_status: z.union([jwtStatusList, z.array(jwtStatus).min(1)]).optional(),
  ns: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).optional(),
};

export const requestsQuery = z.strictObject({
  ...filterFields,
  // A numeric query string is a seq; anything else is a mark label.
  since: z
    .string()
    .min(1)
    .transform((value) => (/^\d+$/.test(value) ? Number(value) : value))
    .optional(),
  cursor: z.string().min(1).optional(),
});

export const waitBody = z.strictObject({
  ...filterFields,
  count: z.number().int().min(1).default(1),
  timeout_ms: z.number().int().min(0).max(60_000).default(5000),
});

export const exportQuery = z.strictObject({ format: z.enum(['ndjson', 'har']).default('ndjson') });

export const tokenServiceLoginBody = z.strictObject({ user_id: userId });

export const tokenServiceJwtBody = z.strictObject({ ttl_s: z.number().int().min(1).optional() }).optional();

/** Zod issues as `field: message` lines, the field named by its dotted path. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), message: 'unknown field' };
    return { field: issue.path.length ? issue.path.join('.') : '(body)', message: issue.message };
  });
}
