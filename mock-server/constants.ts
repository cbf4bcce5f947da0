import type { SeedUser } from './types.ts';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_APP_ID = 'mockapp1';
export const DEFAULT_PRIMARY_SECRET = 'mock-primary-secret-0123456789abcdef';
export const DEFAULT_ROTATED_SECRET = 'mock-rotated-secret-fedcba9876543210';
/** Signs tokens for the `wrong` secret choice of `/tokens`: a key the workspace never accepts. */
export const WRONG_SECRET = 'not-this-workspaces-secret-00000000';
export const DEFAULT_TOKEN_TTL_S = 3600;
/** "intercom-session-<app_id>: 1 week" (Intercom help: The Intercom Messenger cookies). */
export const DEFAULT_SESSION_TTL_S = 7 * 24 * 3600;
export const DEFAULT_JOURNAL_CAP = 200_000;
/** Sessions held before the least recently used is forgotten (~300 B each, so ~30 MB). */
export const DEFAULT_SESSION_CAP = 100_000;
/** Leads (first-time visitors) held before the least recently seen is forgotten. */
export const DEFAULT_LEAD_CAP = 100_000;
export const ADMIN_PREFIX = '/__admin';
export const TOKEN_SERVICE_PREFIX = '/app-backend';
export const APP_SESSION_COOKIE = 'app_session';

export const DEFAULT_SEED_USERS: SeedUser[] = [
  {
    user_id: 'alice',
    email: 'alice@example.test',
    name: 'Alice Archer',
    conversations: ['Alice here: my order has not arrived yet.'],
  },
  {
    user_id: 'bob',
    email: 'bob@example.test',
    name: 'Bob Baker',
    conversations: ['Bob asking: how do I change my billing address?'],
  },
];
