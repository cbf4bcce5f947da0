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
/**
 * Largest messenger request body read; a larger one is answered 413 and journaled. 16 MiB: a
 * device's request through the recording proxy (an upload, say) must reach the journal whole,
 * and the proxy is held to 10 MB bodies.
 */
export const MESSENGER_BODY_LIMIT = '16mb';
/** Request headers a messenger request may carry (Node's default is 16 KiB); more is a journaled 431. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** What Node's parser reads at all (`maxHeaderSize`); beyond it the request line is lost, so the 431 is journaled without a path. */
export const MAX_PARSED_HEADER_BYTES = 1024 * 1024;
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
