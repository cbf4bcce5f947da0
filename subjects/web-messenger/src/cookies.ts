/** The messenger's first-party cookies (Intercom help: "The Intercom Messenger cookies"). */

const WEEK_S = 7 * 24 * 3600;
const NINE_MONTHS_S = 270 * 24 * 3600;

export function readCookie(name: string): string | null {
  for (const pair of document.cookie.split('; ')) {
    const index = pair.indexOf('=');
    if (index > 0 && pair.slice(0, index) === name) return decodeURIComponent(pair.slice(index + 1)) || null;
  }
  return null;
}

function writeCookie(name: string, value: string, maxAgeS: number): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${maxAgeS}; SameSite=Lax`;
}

export class MessengerCookies {
  constructor(private readonly appId: string) {}

  get session(): string | null {
    return readCookie(`intercom-session-${this.appId}`);
  }

  /** Refreshed for a week on each successful ping. */
  set session(token: string | null) {
    if (token) writeCookie(`intercom-session-${this.appId}`, token, WEEK_S);
    else writeCookie(`intercom-session-${this.appId}`, '', 0);
  }

  /** The anonymous visitor id: kept nine months, across shutdowns. */
  visitorId(): string {
    return this.persistent(`intercom-id-${this.appId}`);
  }

  deviceId(): string {
    return this.persistent(`intercom-device-id-${this.appId}`);
  }

  private persistent(name: string): string {
    let value = readCookie(name);
    if (!value) {
      value = crypto.randomUUID();
      writeCookie(name, value, NINE_MONTHS_S);
    }
    return value;
  }
}
