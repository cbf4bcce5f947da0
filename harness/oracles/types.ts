import type { JournalRecord } from '../../mock-server/types.ts';

/** The four independent sources a check is judged from (docs/architecture.md, "Checks and the four sources of evidence"). */
export type EvidenceSource = 'requests' | 'responses' | 'client-state' | 'visible-text';

/**
 * What a piece of evidence shows, as data: the pattern a diagnosis (harness/diagnosis.ts) reads
 * to name a likely cause. One kind per way an oracle can find a violation.
 */
export type ViolationKind =
  /** A request after the boundary carried the prior user's JWT. */
  | 'prior-jwt-sent'
  /** A request after the boundary sent the prior user's user_id or email in user_data. */
  | 'prior-identifiers-sent'
  /** A request after the boundary carried the prior user's session token. */
  | 'prior-session-sent'
  /** A request after the boundary was resolved as the prior user through their session. */
  | 'prior-resumed-via-session'
  /** A request after the boundary was resolved as the prior user some other way. */
  | 'prior-resumed'
  /** A visitor's request was resolved as a user. */
  | 'visitor-resumed-user'
  /** A response after the boundary carried the prior user's data. */
  | 'prior-data-served'
  /** The client holds the prior user's session token. */
  | 'state-holds-session'
  /** The client holds the prior user's identifiers, canaries or JWT. */
  | 'state-holds-identity'
  /** What a person sees shows the prior user's data. */
  | 'text-shows-prior'
  /** The current user's data is not shown. */
  | 'current-not-shown'
  /** An identified request carried no JWT. */
  | 'identified-without-jwt'
  /** A request carried a JWT already expired when it arrived. */
  | 'expired-token-sent'
  /** A request after a refresh carried a token older than the refreshed one. */
  | 'stale-token-after-refresh';

/** One piece of evidence against the requirement, described in one sentence. */
export interface Violation {
  source: EvidenceSource;
  kind: ViolationKind;
  message: string;
  seq?: number;
}

/** An oracle's verdict is defined with the other words for a result (harness/result.ts). */
export type { OracleVerdict } from '../result.ts';

/** Everything that identifies the prior user: what a leak would reveal. */
export interface PriorUser {
  user_id: string;
  email: string | null;
  /** Display name as served (canary included). */
  name: string;
  canaries: string[];
  /** Fingerprints of the user's messenger sessions seen in the journal. */
  sessionFingerprints: string[];
}

/** A value held by the client: a cookie, a storage entry, an IndexedDB record, a UI element. */
export interface ClientStateEntry {
  store: string;
  key: string;
  value: string;
}

export type { JournalRecord };
