import { randomBytes } from 'node:crypto';

/** Sign-ins at the stand-in app backend: opaque app session token → user_id. */
export class AppSessions {
  private readonly sessions = new Map<string, string>();

  open(userId: string): string {
    const token = randomBytes(18).toString('base64url');
    this.sessions.set(token, userId);
    return token;
  }

  userOf(token: string | undefined): string | undefined {
    return token ? this.sessions.get(token) : undefined;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  clear(): void {
    this.sessions.clear();
  }
}

