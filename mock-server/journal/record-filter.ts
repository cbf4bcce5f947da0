import type { JournalRecord, RecordFilter } from '../types.ts';

/**
 * Every user a record bears a trace of: resolved identity, JWT claims, claimed user_data, session
 * owner and whose data the response served. The `user_id` filter matches any of them, because
 * the oracles ask "did anything of this user appear?".
 */
export function userTraces(record: JournalRecord): string[] {
  const users: string[] = [];
  const add = (user: unknown): void => {
    if (typeof user === 'string' && user && !users.includes(user)) users.push(user);
  };
  add(record.identity.user_id);
  add(record.jwt?.claims?.['user_id']);
  for (const jwt of record.jwts ?? []) add(jwt.claims?.['user_id']);
  add(record.user_data?.user_id);
  add(record.session?.user_id);
  for (const user of record.served.user_ids) add(user);
  return users;
}

export function matchesFilter(record: JournalRecord, filter: RecordFilter): boolean {
  if (filter.since !== undefined && record.seq <= filter.since) return false;
  if (filter.until !== undefined && record.seq > filter.until) return false;
  if (filter.platform !== undefined && record.platform !== filter.platform) return false;
  if (filter.ns !== undefined && record.ns !== filter.ns) return false;
  if (filter.path !== undefined && !matchesPath(record.path, filter.path)) return false;
  if (filter.jwt_status !== undefined && !filter.jwt_status.includes(record.jwt?.status ?? 'none')) return false;
  if (filter.user_id !== undefined && !userTraces(record).includes(filter.user_id)) return false;
  return true;
}

/** Exact path, or a prefix when the filter ends with `*` (`/messenger/web/*`). */
export function matchesPath(path: string, pattern: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}
