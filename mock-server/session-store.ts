import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** `evicted`: the mock issued this token, but forgot it to stay under its session cap. */
  | { state: 'unknown'; fingerprint: string; evicted?: true };

export interface SessionStats {
  held: number;
  cap: number;
  /** Sessions forgotten to stay under the cap since the last reset. */
  evicted: number;
}

/**
 * Messenger sessions, the server side of the `intercom-session-<app_id>` cookie. Tokens look like
 * Intercom's (`base64--<40 hex>`) and stay valid server-side until they expire, even once the
 * client deleted its cookie (intercom-rails #327): replaying one resumes its owner.
 *
 * At most `cap` sessions are held; past it the least recently used is forgotten. A forgotten
 * token still carries this store's signature, so replaying it is judged `unknown` with
 * `evicted: true` rather than passing for a token the mock never issued. A reset changes the
 * signing key: tokens from before it are plainly unknown.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private signingKey = randomBytes(32);
  private evictedCount = 0;

  constructor(
    private readonly ttlS: number,
    private readonly nowS: () => number,
    private readonly cap: number,
  ) {
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`session cap must be a positive integer, got ${cap}`);
  }

  issue(owner: Owner): Session {
    const id = randomBytes(24).toString('base64');
    const token = `${id}--${this.sign(id)}`;
    const now = this.nowS();
    const session: Session = { token, fingerprint: fingerprint(token), owner, createdAtS: now, expiresAtS: now + this.ttlS };
    this.sessions.set(token, session);
    if (this.sessions.size > this.cap) this.evictLeastRecentlyUsed();
    return session;
  }

  /** A session another server issued (live mode's workspace), held so later requests carrying it resolve to its owner. */
  adopt(token: string, owner: Owner): Session {
    const now = this.nowS();
    const session: Session = { token, fingerprint: fingerprint(token), owner, createdAtS: now, expiresAtS: now + this.ttlS };
    this.sessions.set(token, session);
    if (this.sessions.size > this.cap) this.evictLeastRecentlyUsed();
    return session;
  }

  lookup(token: string): SessionLookup {
    const session = this.sessions.get(token);
    if (!session) return { state: 'unknown', fingerprint: fingerprint(token), ...(this.issuedHere(token) ? { evicted: true as const } : {}) };
    this.sessions.delete(token);
    this.sessions.set(token, session);
    return session.expiresAtS > this.nowS() ? { state: 'live', session } : { state: 'expired', session };
  }

  /** A successful identified request keeps the session alive for another full period. */
  touch(session: Session): void {
    session.expiresAtS = this.nowS() + this.ttlS;
  }

  clear(): void {
    this.sessions.clear();
    this.signingKey = randomBytes(32);
    this.evictedCount = 0;
  }

  get size(): number {
    return this.sessions.size;
  }

  stats(): SessionStats {
    return { held: this.sessions.size, cap: this.cap, evicted: this.evictedCount };
  }

  private evictLeastRecentlyUsed(): void {
    const oldest = this.sessions.keys().next();
    if (oldest.done) return;
    this.sessions.delete(oldest.value);
    this.evictedCount++;
  }

  private sign(id: string): string {
    return createHmac('sha1', this.signingKey).update(id).digest('hex');
  }

  private issuedHere(token: string): boolean {
    const separator = token.lastIndexOf('--');
    if (separator < 0) return false;
    const given = Buffer.from(token.slice(separator + 2));
    const expected = Buffer.from(this.sign(token.slice(0, separator)));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
