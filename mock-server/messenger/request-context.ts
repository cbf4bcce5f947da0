import type { Request, Response } from 'express';
import type { Fault } from '../fault-store.ts';
import type { RequestParts } from '../identity/jwt-extractor.ts';
import type { Session, SessionLookup } from '../session-store.ts';
import type { MockState } from '../state.ts';
import type { ClaimedIdentity, IdentityResolution, JournalRecord, JwtEvidence, Platform } from '../types.ts';
import type { Owner } from '../workspace.ts';
import type { Resolution } from './identity-resolution.ts';
import type { Provenance } from './provenance.ts';

export type Surface = 'web' | 'mobile';

/** The part of a record known as soon as the request is read: who sent what, where, when. */
export type RecordHead = Pick<JournalRecord, 'time' | 'ns' | 'method' | 'path' | 'platform' | 'app_id' | 'device_id' | 'user_agent' | 'sent' | 'host' | 'via'>;

/** What the mock answers: the status and body, and what the record says of it. */
export interface Answer {
  status: number;
  body: unknown;
  /** Why the answer is not the endpoint's own (a fault, a refusal, bad input); for the record. */
  error?: string;
  /** No modelled endpoint answered. */
  unmodelled?: true;
  /** Already journaled and written by the stage that answered (live mode's relay writes the workspace's own bytes). */
  delivered?: true;
}

/**
 * One messenger request on its way through the stages (stages.ts): read, then filled in by each
 * stage in turn (tokens judged, session looked up, identity resolved, answered, journaled).
 */
export interface RequestContext {
  readonly state: MockState;
  readonly surface: Surface;
  readonly req: Request;
  readonly res: Response;
  /** The request's path: `/messenger/<surface>/…`. */
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly platform: Platform;
  readonly head: RecordHead;
  /** Who the request says it is (user_data, the SDK's user fields), not yet believed. */
  readonly claimed: ClaimedIdentity | null;
  /** Where tokens may be: body, user_data, headers, cookies, query. */
  readonly parts: RequestParts;
  /** Why the body or user_data cannot be read; the request is still judged and journaled. */
  readonly inputError: string | undefined;

  /** Every token found, judged; `jwt` is the decisive one. */
  jwts: JwtEvidence[];
  jwt: JwtEvidence | null;
  session: SessionLookup | null;
  resolution: Resolution | null;
  identity: IdentityResolution;
  owner: Owner | null;
  /** The session the response handed out, when it handed one out. */
  issued: Session | null;
  provenance: Provenance;
  fault: Fault | null;
  /** Set by the stage that answers; once set, only the stages that always run still run. */
  answer: Answer | null;
  record: JournalRecord | null;
}

/** A step of the messenger pipeline: one job over the request context. */
export interface Stage {
  name: string;
  run(context: RequestContext): void | Promise<void>;
  /** Runs even when an earlier stage has answered (journal, respond). */
  always?: boolean;
}

/** Runs the stages in order; once a stage answers, only those marked `always` still run. */
export async function runStages(context: RequestContext, stages: readonly Stage[]): Promise<void> {
  for (const stage of stages) {
    if (context.answer && !stage.always) continue;
    const pending = stage.run(context);
    if (pending) await pending;
  }
}
