import type { JournalRecord } from '../../mock-server/types.ts';
import type { PriorUser } from './types.ts';

/** Builds a PriorUser from the workspace user and every session of theirs the journal saw. */
export function priorUser(user: { user_id: string; email: string | null; name: string; canaries: string[] }, journal: JournalRecord[]): PriorUser {
  const sessions = new Set<string>();
  for (const record of journal) {
    if (record.session?.user_id === user.user_id) sessions.add(record.session.fingerprint);
    if (record.session_issued && record.identity.user_id === user.user_id) sessions.add(record.session_issued);
  }
  return { user_id: user.user_id, email: user.email, name: user.name, canaries: user.canaries, sessionFingerprints: [...sessions] };
}
