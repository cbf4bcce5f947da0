import type { JournalRecord } from '../../mock-server/types.ts';

/** The four independent sources a check is judged from (docs/architecture.md, "Checks and the four sources of evidence"). */
export type EvidenceSource = 'requests' | 'responses' | 'client-state' | 'visible-text';

/** One piece of evidence against the requirement, described in one sentence. */
export interface Violation {
  source: EvidenceSource;
  message: string;
  seq?: number;
}

/** An oracle's judgement: pass, or the violations, with a one-sentence explanation either way. */
export interface Verdict {
  oracle: string;
  pass: boolean;
  explanation: string;
  violations: Violation[];
}

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
