import type { SessionLookup } from '../../session-store.ts';
import type { JournalRecord } from '../../types.ts';
import { stringField } from '../body-fields.ts';
import type { RequestContext, Stage } from '../request-context.ts';

/** The session token the request carries (the web's cookie or anonymous_session, the SDK's `session`), looked up. */
export const lookUpSession: Stage = {
  name: 'look up session',
  run(context) {
    const token = sessionTokenOf(context);
    context.session = token ? context.state.sessions.lookup(token) : null;
  },
};

function sessionTokenOf({ state, surface, body, parts }: RequestContext): string | undefined {
  if (surface === 'web') return stringField(body['anonymous_session']) ?? (parts.cookies[`intercom-session-${state.policy.appId}`] || undefined);
  return stringField(body['session']);
}

/** The record's view of the session: whose it is and whether it was live, never the token itself. */
export function sessionEvidence(lookup: SessionLookup | null): JournalRecord['session'] {
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
