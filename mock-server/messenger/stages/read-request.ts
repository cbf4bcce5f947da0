import type { Request, Response } from 'express';
import type { RequestParts } from '../../identity/jwt-extractor.ts';
import type { MockState } from '../../state.ts';
import type { ClaimedIdentity } from '../../types.ts';
import { deliveryOf } from '../delivery.ts';
import { asRecord, stringField } from '../body-fields.ts';
import { detectPlatform } from '../platform.ts';
import { Provenance } from '../provenance.ts';
import type { RecordHead, RequestContext, Surface } from '../request-context.ts';
import { readMessengerBody } from '../request-body.ts';

/**
 * The first step: the request as read (body by what it is, platform, the record's head, the
 * claimed identity and where tokens may be), as the context every stage after it fills in.
 */
export function readRequest(state: MockState, surface: Surface, req: Request, res: Response): RequestContext {
  const path = req.baseUrl + req.path;
  const read = readMessengerBody(req.body, req.get('content-type'));
  const body = read.fields;
  const platform = detectPlatform(surface, body, req.get('user-agent'));
  const head: RecordHead = {
    time: new Date(state.clock.nowMs()).toISOString(),
    ns: namespaceOf(req, body),
    method: req.method,
    path,
    platform,
    app_id: stringField(body['app_id']) ?? req.get('x-intercom-app-id') ?? null,
    device_id: stringField(body['device_identifier']) ?? null,
    user_agent: req.get('user-agent') ?? null,
    ...deliveryOf(req),
  };
  const userDataCopies = parseUserData(body['user_data']);
  const userData = userDataCopies.records;
  const parts: RequestParts = { body, userData, headers: req.headersDistinct, cookies: (req.cookies as Record<string, string>) ?? {}, query: req.query as Record<string, unknown> };
  return {
    state,
    surface,
    req,
    res,
    path,
    body,
    platform,
    head,
    claimed: claimedIdentity(surface, body, userData[0] ?? null),
    parts,
    inputError: read.error ?? userDataCopies.error,
    jwts: [],
    jwt: null,
    session: null,
    resolution: null,
    identity: { kind: 'none' },
    owner: null,
    issued: null,
    provenance: new Provenance(),
    fault: null,
    answer: null,
    record: null,
  };
}

function claimedIdentity(surface: Surface, body: Record<string, unknown>, userData: Record<string, unknown> | null): ClaimedIdentity | null {
  const source = surface === 'web' ? userData : asRecord(body['user']) ?? body;
  const claimed: ClaimedIdentity = {};
  const userId = stringField(source?.['user_id']);
  const email = stringField(source?.['email']);
  const anonymousId = stringField(userData?.['anonymous_id'] ?? body['anonymous_id']);
  if (userId) claimed.user_id = userId;
  if (email) claimed.email = email;
  if (anonymousId) claimed.anonymous_id = anonymousId;
  return Object.keys(claimed).length ? claimed : null;
}

interface UserDataCopies {
  records: Record<string, unknown>[];
  error?: string;
}

/** `user_data` as sent: one JSON object string, or several copies of the field, which must agree. */
function parseUserData(value: unknown): UserDataCopies {
  const copies = Array.isArray(value) ? value : [value];
  const records: Record<string, unknown>[] = [];
  for (const copy of copies) {
    if (copy === undefined || copy === null || copy === '') continue;
    const record = typeof copy === 'string' ? parseJsonObject(copy) : asRecord(copy) ?? `expected a JSON object string, got ${typeof copy}`;
    if (typeof record === 'string') return { records, error: `user_data is not valid JSON: ${record}` };
    records.push(record);
  }
  if (records.length > 1 && new Set(records.map((record) => JSON.stringify(record))).size > 1) {
    return { records, error: `user_data was sent ${records.length} times with different contents; send it once` };
  }
  return { records };
}

function parseJsonObject(text: string): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return asRecord(parsed) ?? 'expected a JSON object';
}

/** Parallel workers share one mock by tagging their traffic with a namespace. */
function namespaceOf(req: Request, body: Record<string, unknown>): string {
  return req.get('x-mock-ns') ?? stringField((req.query as Record<string, unknown>)['mock_ns']) ?? stringField(body['mock_ns']) ?? 'default';
}
