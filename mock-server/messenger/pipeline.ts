import type { NextFunction, Request, Response } from 'express';
import { extractJwts, type RequestParts } from '../identity/jwt-extractor.ts';
import type { Session, SessionLookup } from '../session-store.ts';
import type { MockState } from '../state.ts';
import type { ClaimedIdentity, IdentityResolution, JournalRecord, JwtEvidence } from '../types.ts';
import type { Owner } from '../workspace.ts';
import { resolveIdentity, type Refusal } from './identity-resolution.ts';
import { deliveryOf } from './delivery.ts';
import { detectPlatform } from './platform.ts';
import { Provenance } from './provenance.ts';
import { readMessengerBody } from './request-body.ts';
import { relayToWorkspace } from '../relay/relay-stage.ts';
import { decisiveJwt } from './verdict-rank.ts';

export type Surface = 'web' | 'mobile';

/** What an endpoint sees: the resolved request, and the means to answer with provenance. */
export interface EndpointContext {
  state: MockState;
  surface: Surface;
  body: Record<string, unknown>;
  params: Record<string, string>;
  identity: IdentityResolution;
  owner: Owner | null;
  provenance: Provenance;
  /** Hands the owner a session unless the request already continues one of theirs. */
  issueSession(): Session | null;
  /** A first-time visitor with no anonymous_id becomes a lead of its own. */
  adoptLead(leadId: string): void;
}

export interface EndpointResult {
  status?: number;
  body: unknown;
}

export type EndpointHandler = (context: EndpointContext) => EndpointResult;

/** Ends an endpoint with a client error that names what was wrong. */
export class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RouteMatch {
  handler: EndpointHandler;
  params: Record<string, string>;
}

const MOBILE_VERIFICATION_FAILURE = {
  type: 'error.list',
  errors: [{ code: 'hmac_mismatch', message: 'Failed Identity Verification check' }],
};

/**
 * The one path every messenger request takes: read the body, find and judge every JWT, look up
 * the session, resolve the identity, apply faults, run the endpoint, journal the record, then
 * answer. The record is appended before the response is written, so a waiter sees it no later
 * than the client. Whatever throws goes to `messengerErrorHandler`, which journals it.
 */
export function messengerPipeline(state: MockState, surface: Surface, route: (path: string) => RouteMatch | null) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      await handle(state, surface, route, req, res);
    } catch (error) {
      next(error);
    }
  };
}

async function handle(
  state: MockState,
  surface: Surface,
  route: (path: string) => RouteMatch | null,
  req: Request,
  res: Response,
): Promise<void> {
  const path = req.baseUrl + req.path;
  const read = readMessengerBody(req.body, req.get('content-type'));
  const body = read.fields;
  const platform = detectPlatform(surface, body, req.get('user-agent'));
  const started: Omit<JournalRecord, 'seq' | 'identity' | 'served' | 'response' | 'jwt' | 'jwts' | 'session' | 'user_data'> = {
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
  const claimed = claimedIdentity(surface, body, userData[0] ?? null);
  const parts: RequestParts = { body, userData, headers: req.headersDistinct, cookies: (req.cookies as Record<string, string>) ?? {}, query: req.query as Record<string, unknown> };
  const jwts = await judgeJwts(state, parts, claimed);
  res.locals[JUDGED] = jwts;
  const jwt = decisiveJwt(jwts);

  const inputError = read.error ?? userDataCopies.error;
  if (inputError) {
    const record = journal(res, state, { ...started, user_data: claimed, jwt, jwts, session: null, identity: { kind: 'none' }, served: { user_ids: [] }, response: { status: 400, error: inputError } });
    send(res, 400, { type: 'error.list', errors: [{ code: 'parameter_invalid', message: inputError }] }, record, 0);
    return;
  }

  const sessionToken = sessionTokenOf(state, surface, body, parts.cookies);
  const session = sessionToken ? state.sessions.lookup(sessionToken) : null;
  const resolution = resolveIdentity({
    jwt,
    claimed,
    session,
    enforce: state.policy.enforceIdentityVerification,
    sessionOutlivesJwt: state.policy.sessionOutlivesJwt,
    verify: state.policy.verify,
  });

  // Live mode: the workspace answers; the record keeps these verdicts (docs/live-mode.md).
  if (state.relay) return relayToWorkspace(state.relay, state, surface, req, res, { ...started, user_data: claimed, jwt, jwts, session: sessionEvidence(session) }, resolution);

  const provenance = new Provenance();
  let identity = resolution.identity;
  let owner = resolution.owner;
  let issued: Session | null = null;
  let status = 200;
  let responseBody: unknown;
  let error: string | undefined;
  let unmodelled = false;

  const fault = state.faults.take(path, platform, started.ns);
  const appMismatch = started.app_id !== null && started.app_id !== state.policy.appId;
  if (fault?.status !== undefined) {
    status = fault.status;
    responseBody = fault.body ?? { type: 'error.list', errors: [{ code: 'injected_fault', message: `fault ${fault.id} injected by the admin API` }] };
    error = `injected fault ${fault.id}`;
  } else if (appMismatch) {
    status = 404;
    error = `app_id "${started.app_id}" is not this workspace's ("${state.policy.appId}")`;
    responseBody = { type: 'error.list', errors: [{ code: 'app_not_found', message: error }] };
  } else if (resolution.refusal) {
    ({ status = 200, body: responseBody } = refusalResponse(surface, resolution.refusal));
    error = `identity verification failed: ${resolution.refusal}`;
  } else {
    const match = route(path.slice(`/messenger/${surface}/`.length));
    if (!match) {
      status = 404;
      unmodelled = true;
      error = `not modelled by the mock: ${req.method} ${started.host ?? ''}${path}`;
      responseBody = { type: 'error.list', errors: [{ code: 'not_found', message: error }] };
    } else {
      if (owner?.kind === 'user') state.workspace.ensureUser(owner.user_id, stringField(jwt?.claims?.['email']) ?? claimed?.email);
      if (owner?.kind === 'lead') state.workspace.ensureLead(owner.lead_id);
      if (resolution.continues && identity.via !== 'session') state.sessions.touch(resolution.continues);
      const context: EndpointContext = {
        state,
        surface,
        body,
        params: match.params,
        get identity() {
          return identity;
        },
        get owner() {
          return owner;
        },
        provenance,
        issueSession: () => {
          if (!owner) return null;
          if (resolution.continues) return resolution.continues;
          issued = state.sessions.issue(owner);
          return issued;
        },
        adoptLead: (leadId) => {
          owner = { kind: 'lead', lead_id: leadId };
          identity = { kind: 'lead', lead_id: leadId, via: 'anonymous_id' };
          state.workspace.ensureLead(leadId);
        },
      };
      try {
        const result = match.handler(context);
        ({ status = 200, body: responseBody } = result);
      } catch (endpointError) {
        if (!(endpointError instanceof EndpointError)) throw endpointError;
        status = endpointError.status;
        error = endpointError.message;
        responseBody = { type: 'error.list', errors: [{ code: endpointError.code, message: endpointError.message }] };
      }
    }
  }

  const record = journal(res, state, {
    ...started,
    user_data: claimed,
    jwt,
    jwts,
    session: sessionEvidence(session),
    identity,
    served: { user_ids: [...provenance.userIds], ...(provenance.leadIds.size ? { lead_ids: [...provenance.leadIds] } : {}) },
    response: { status, ...(error ? { error } : {}) },
    ...(fault ? { fault: { id: fault.id } } : {}),
    ...(issued ? { session_issued: (issued as Session).fingerprint } : {}),
    ...(unmodelled ? { unmodelled: true as const } : {}),
  });
  send(res, status, responseBody, record, fault?.delay_ms ?? 0);
}

/** res.locals keys the last-resort error handler reads: what was judged, and whether it was journaled. */
export const JUDGED = 'mockJudgedJwts';
export const JOURNALED = 'mockJournaled';

function journal(res: Response, state: MockState, entry: Omit<JournalRecord, 'seq'>): JournalRecord | null {
  res.locals[JOURNALED] = true;
  return state.policy.journal ? state.journal.append(entry) : null;
}

function send(res: Response, status: number, body: unknown, record: JournalRecord | null, delayMs: number): void {
  if (record) res.set('x-mock-seq', String(record.seq));
  const write = (): void => {
    res.status(status).json(body);
  };
  if (delayMs > 0) setTimeout(write, delayMs);
  else write();
}

/** Every token the request carries, judged against the mock clock and the claimed user. */
export async function judgeJwts(state: MockState, parts: RequestParts, claimed: ClaimedIdentity | null): Promise<JwtEvidence[]> {
  if (!state.policy.verify) return [];
  const nowS = state.clock.nowS();
  const found = extractJwts(parts);
  // Sized up front: an array grown by push reserves room for 17, and the journal keeps one per record.
  const judged = new Array<JwtEvidence>(found.length);
  const offsetS = state.clock.offsetS;
  for (const [index, { token, location }] of found.entries()) {
    judged[index] = { location, ...(await state.verifier.verify(token, state.tokenTime.judgedAt(token, nowS, offsetS), claimed?.user_id)) };
  }
  return judged;
}

function refusalResponse(surface: Surface, reason: Refusal): EndpointResult {
  if (surface === 'mobile') return { status: 401, body: MOBILE_VERIFICATION_FAILURE };
  return {
    status: 403,
    body: { type: 'error.list', errors: [{ code: 'forbidden', message: `Identity verification failed: ${reason}` }] },
  };
}

function sessionTokenOf(state: MockState, surface: Surface, body: Record<string, unknown>, cookies: Record<string, string>): string | undefined {
  if (surface === 'web') return stringField(body['anonymous_session']) ?? nonEmpty(cookies[`intercom-session-${state.policy.appId}`]);
  return stringField(body['session']);
}

function sessionEvidence(lookup: SessionLookup | null): JournalRecord['session'] {
  if (!lookup) return null;
  if (lookup.state === 'unknown') return { fingerprint: lookup.fingerprint, user_id: null, state: 'unknown', ...(lookup.evicted ? { evicted: true } : {}) };
  const { owner } = lookup.session;
  return {
    fingerprint: lookup.session.fingerprint,
    user_id: owner.kind === 'user' ? owner.user_id : null,
    lead_id: owner.kind === 'lead' ? owner.lead_id : null,
    state: lookup.state,
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

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

