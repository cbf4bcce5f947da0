import { createHmac, randomBytes } from 'node:crypto';
import { fingerprint } from './identity/fingerprint.ts';
import type { Owner } from './workspace.ts';

export interface Session {
  token: string;
  fingerprint: string;
  owner: Owner;
  createdAtS: number;
  expiresAtS: number;
}

export type SessionLookup =
  | { state: 'live'; session: Session }
  | { state: 'expired'; session: Session }
  | { state: 'unknown'; fingerprint: string };

/**
 * Messenger sessions, the server side of the `intercom-session-<app_id>` cookie. Tokens look like
 * Intercom's (`base64--<40 hex>`) and stay valid server-side until they expire, even once the
 * client deleted its cookie (intercom-rails #327): replaying one resumes its owner.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly signingKey = randomBytes(32);

  constructor(
    private readonly ttlS: number,
    private readonly nowS: () => number,
  ) {}

  issue(owner: Owner): Session {
    const id = randomBytes(24).toString('base64');
    const token = `${id}--${createHmac('sha1', this.signingKey).update(id).digest('hex')}`;
    const now = this.nowS();
    const session: Session = { token, fingerprint: fingerprint(token), owner, createdAtS: now, expiresAtS: now + this.ttlS };
    this.sessions.set(token, session);
    return session;
  }

  lookup(token: string): SessionLookup {
    const session = this.sessions.get(token);
    if (!session) return { state: 'unknown', fingerprint: fingerprint(token) };
    return session.expiresAtS > this.nowS() ? { state: 'live', session } : { state: 'expired', session };
  }

  /** A successful identified request keeps the session alive for another full period. */
  touch(session: Session): void {
    session.expiresAtS = this.nowS() + this.ttlS;
  }

  clear(): void {
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }
}
