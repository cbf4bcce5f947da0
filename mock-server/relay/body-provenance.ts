import type { User } from '../workspace.ts';

/** What identifies a test user in a response body the relay did not build. */
export interface UserMarks {
  user_id: string;
  email: string | null;
  canaries: string[];
}

/** Keys whose string value names a user by their identifier (the messenger's `user_id`, the REST API's `external_id`). */
const ID_KEYS = new Set(['user_id', 'external_id']);

/**
 * Whose data a relayed response carried, found in its body: a user is served when the body holds
 * one of their canaries or their email anywhere, or their user_id as the value of a `user_id` or
 * `external_id` key. A body that is not JSON is searched as text for canaries and emails only, as
 * a bare user_id ("bob") is too short to find in free text without false alarms.
 */
export function servedUserIds(body: string, users: readonly UserMarks[]): string[] {
  if (body.length === 0 || users.length === 0) return [];
  const served = new Set<string>();
  for (const user of users) {
    if (user.canaries.some((canary) => body.includes(canary)) || (user.email && body.includes(user.email))) served.add(user.user_id);
  }
  if (served.size < users.length) {
    const named = namedIdentifiers(body);
    for (const user of users) if (named.has(user.user_id)) served.add(user.user_id);
  }
  return [...served];
}

/** The workspace's users as the marks above. */
export function marksOf(users: readonly User[]): UserMarks[] {
  return users.map((user) => ({ user_id: user.user_id, email: user.email, canaries: user.canaries }));
}

/** Every string value of an identifier key, however deep; nothing when the body is not JSON. */
function namedIdentifiers(body: string): Set<string> {
  const found = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return found;
  }
  const stack: unknown[] = [parsed];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (ID_KEYS.has(key) && typeof inner === 'string') found.add(inner);
        else if (typeof inner === 'object') stack.push(inner);
      }
    }
  }
  return found;
}
