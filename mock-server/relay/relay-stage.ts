import type { Request, Response } from 'express';
import { fingerprint } from '../identity/fingerprint.ts';
import type { Resolution } from '../messenger/identity-resolution.ts';
import type { Surface } from '../messenger/request-context.ts';
import { JOURNALED } from '../messenger/stages/journal-request.ts';
import type { Session } from '../session-store.ts';
import type { MockState } from '../state.ts';
import type { IdentityResolution, JournalRecord } from '../types.ts';
import type { Owner } from '../workspace.ts';
import { marksOf, servedUserIds } from './body-provenance.ts';
import { responseExcerpt } from './response-excerpt.ts';
import { askUpstream, UpstreamFailure, type UpstreamAnswer } from './upstream-request.ts';

/** What a relaying mock needs besides its state: where Intercom is, and how long to wait for it. */
export interface RelayConfig {
  /** A stand-in's base URL; absent, each request goes to the Intercom host it was addressed to. */
  upstream?: string;
  timeoutMs: number;
}

/** The record as the pipeline judged it before any answer: request facts, tokens, session. */
export type JudgedRequest = Omit<JournalRecord, 'seq' | 'identity' | 'served' | 'response'>;

/**
 * Live mode's stage of the messenger pipeline: in place of the mock's endpoints, the request goes
 * to the workspace (or its stand-in) and the workspace's answer goes back to the client. The record
 * keeps the mock's own verdicts (the JWT judged with the workspace's secret, the identity it
 * resolves to) and adds what came back: status, timing, a redacted excerpt, and whose data the
 * body carried, found by the test users' identifiers and canaries. A session token the workspace
 * hands out is adopted, so a later request replaying it resolves to its owner as in app mode.
 */
export async function relayToWorkspace(
  relay: RelayConfig,
  state: MockState,
  surface: Surface,
  req: Request,
  res: Response,
  judged: JudgedRequest,
  resolution: Resolution,
): Promise<void> {
  let { identity, owner } = resolution;
  if (owner?.kind === 'user') state.workspace.ensureUser(owner.user_id, typeof judged.jwt?.claims?.['email'] === 'string' ? judged.jwt.claims['email'] : judged.user_data?.email);
  if (resolution.continues && identity.via !== 'session') state.sessions.touch(resolution.continues);

  let answer: UpstreamAnswer;
  try {
    answer = await askUpstream(req, relay.upstream, relay.timeoutMs);
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    const record = journal(res, state, {
      ...judged,
      identity,
      served: { user_ids: [] },
      response: { status: error.status, error: error.message },
      relay: { upstream: error.target, status: null, duration_ms: Math.round(error.durationMs), bytes: 0 },
    });
    if (record) res.set('x-mock-seq', String(record.seq));
    res.status(error.status).json({ type: 'error.list', errors: [{ code: 'upstream_failed', message: error.message }] });
    return;
  }

  const text = answer.body.toString('utf8');
  const parsed = parseJson(text);
  const handedOut = sessionTokenIn(parsed, surface);
  let issued: Session | null = null;
  if (handedOut && handedOut !== resolution.continues?.token) {
    const lead = leadIn(parsed);
    if (!owner && lead) {
      owner = { kind: 'lead', lead_id: lead };
      identity = { kind: 'lead', lead_id: lead, via: 'anonymous_id' } satisfies IdentityResolution;
    }
    if (owner?.kind === 'lead') state.workspace.ensureLead(owner.lead_id);
    issued = state.sessions.adopt(handedOut, owner ?? ({ kind: 'lead', lead_id: `visitor-${fingerprint(handedOut)}` } satisfies Owner));
  }
  const leadIds = owner?.kind === 'lead' && text.includes(owner.lead_id) ? [owner.lead_id] : [];
  const record = journal(res, state, {
    ...judged,
    identity,
    served: { user_ids: servedUserIds(text, marksOf(state.workspace.listUsers())), ...(leadIds.length ? { lead_ids: leadIds } : {}) },
    response: { status: answer.status },
    ...(issued ? { session_issued: issued.fingerprint } : {}),
    relay: { upstream: answer.target, status: answer.status, duration_ms: Math.round(answer.durationMs), bytes: answer.body.length, content_type: answer.contentType, ...responseExcerpt(answer.body, answer.contentType) },
  });
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  if (answer.setCookies.length) res.append('set-cookie', answer.setCookies);
  if (record) res.set('x-mock-seq', String(record.seq));
  res.status(answer.status).end(answer.body);
}

function journal(res: Response, state: MockState, entry: Omit<JournalRecord, 'seq'>): JournalRecord | null {
  res.locals[JOURNALED] = true;
  return state.policy.journal ? state.journal.append(entry) : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The session token a boot answer hands out: `anonymous_session` (web) or `session` (mobile). */
function sessionTokenIn(body: unknown, surface: Surface): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[surface === 'web' ? 'anonymous_session' : 'session'];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The lead a boot answer names (`user: {type: "lead", anonymous_id}`), when it names one. */
function leadIn(body: unknown): string | null {
  const user = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['user'] : null;
  if (typeof user !== 'object' || user === null) return null;
  const { type, anonymous_id: anonymousId } = user as Record<string, unknown>;
  return type === 'lead' && typeof anonymousId === 'string' ? anonymousId : null;
}
