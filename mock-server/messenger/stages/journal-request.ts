import type { Stage } from '../request-context.ts';
import { sessionEvidence } from './look-up-session.ts';

/** res.locals key the last-resort error handler reads: this request is journaled already. */
export const JOURNALED = 'mockJournaled';

/**
 * The record: the request as read, every token judged, the session, the identity, whose data the
 * answer carried (its provenance) and the answer. Appended before the response is written, so a
 * waiter sees it no later than the client.
 */
export const journalRequest: Stage = {
  name: 'journal',
  always: true,
  run(context) {
    const { answer, provenance, fault, issued, state } = context;
    if (!answer) throw new Error(`no stage answered ${context.req.method} ${context.path}: the messenger stage list needs an answering stage before the journal`);
    if (answer.delivered) return;
    context.res.locals[JOURNALED] = true;
    if (!state.policy.journal) return;
    context.record = state.journal.append({
      ...context.head,
      user_data: context.claimed,
      jwt: context.jwt,
      jwts: context.jwts,
      session: sessionEvidence(context.session),
      identity: context.identity,
      served: { user_ids: [...provenance.userIds], ...(provenance.leadIds.size ? { lead_ids: [...provenance.leadIds] } : {}) },
      response: { status: answer.status, ...(answer.error ? { error: answer.error } : {}) },
      ...(fault ? { fault: { id: fault.id } } : {}),
      ...(issued ? { session_issued: issued.fingerprint } : {}),
      ...(answer.unmodelled ? { unmodelled: true as const } : {}),
    });
  },
};
