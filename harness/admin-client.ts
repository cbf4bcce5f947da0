import type { IssuedTokenEntry, JournalRecord, JwtStatus, Platform } from '../mock-server/types.ts';

export type { IssuedTokenEntry, JournalRecord };

/** Typed client of the mock's admin API (docs/architecture.md, "Admin API contract"). */

export interface Filter {
  since?: number | string;
  until?: number;
  platform?: Platform;
  user_id?: string;
  path?: string;
  jwt_status?: (JwtStatus | 'none')[];
  ns?: string;
  limit?: number;
}

export interface IssuedToken {
  token: string;
  fingerprint: string;
  claims: Record<string, unknown> & { user_id?: string; exp?: number; iat?: number };
  header: Record<string, unknown>;
}

export interface TokenOptions {
  email?: string;
  ttl_s?: number;
  claims?: Record<string, unknown>;
  secret?: 'primary' | 'rotated' | 'wrong';
  alg?: 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'ES256' | 'none';
}

export interface WorkspaceUser {
  user_id: string;
  email: string | null;
  name: string;
  canaries: string[];
  seeded: boolean;
}

export interface Mark {
  label: string;
  seq: number;
  time: string;
  /** Send-order position of the boundary, when the marker knew it (records with a higher `sent` came after). */
  sent?: number;
}

export interface ClockView {
  offset_s: number;
  /** True while the clock stands still at `now` (see `hold_at_ms`). */
  held: boolean;
  now: string;
  now_ms: number;
  now_s: number;
}

export interface Health {
  ok: boolean;
  app_id: string;
  users: string[];
  clock_offset_s: number;
  journal: { total: number; in_memory: number; spilled: number; cap: number; spill_file: string; spill_error: string | null };
  sessions: { held: number; cap: number; evicted: number };
  leads: { held: number; cap: number; evicted: number };
}

/** The admin API answered with an error status; `body` holds its explanation. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    where: string,
  ) {
    super(`${where} → HTTP ${status}: ${typeof body === 'object' && body && 'error' in body ? String((body as { error: unknown }).error) : JSON.stringify(body)}`);
  }
}

/** `requests/wait` ran out of time; `seen` is what matched until then. */
export class WaitTimeoutError extends Error {
  constructor(
    readonly seen: JournalRecord[],
    readonly wanted: number,
    readonly filter: Filter,
  ) {
    super(`waited for ${wanted} request(s) matching ${JSON.stringify(filter)}, saw ${seen.length}`);
  }
}

/** Records per `GET /requests` page when the client pages through a long journal. */
export const REQUESTS_PAGE_SIZE = 5000;

export class MockAdminClient {
  constructor(
    readonly baseUrl: string,
    private readonly pageSize = REQUESTS_PAGE_SIZE,
  ) {}

  health(): Promise<Health> {
    return this.call('GET', '/health');
  }

  reset(options: { all?: boolean } = {}): Promise<{ ok: true; users: string[] }> {
    return this.call('POST', '/reset', options);
  }

  users(): Promise<WorkspaceUser[]> {
    return this.call<{ users: WorkspaceUser[] }>('GET', '/users').then((body) => body.users);
  }

  user(userId: string): Promise<WorkspaceUser> {
    return this.call('GET', `/users/${encodeURIComponent(userId)}`);
  }

  createUser(user: { user_id: string; email?: string; name?: string; conversations?: string[] }): Promise<WorkspaceUser> {
    return this.call('POST', '/users', user);
  }

  token(userId: string, options: TokenOptions = {}): Promise<IssuedToken> {
    return this.call('POST', '/tokens', { user_id: userId, ...options });
  }

  /** Every JWT the mock minted (admin or token service), oldest first. */
  issuedTokens(userId?: string): Promise<IssuedTokenEntry[]> {
    const query = userId ? `?user_id=${encodeURIComponent(userId)}` : '';
    return this.call<{ tokens: IssuedTokenEntry[] }>('GET', `/tokens${query}`).then((body) => body.tokens);
  }

  marks(): Promise<Mark[]> {
    return this.call<{ marks: Mark[] }>('GET', '/marks').then((body) => body.marks);
  }

  /** A checkpoint in the journal; `sent` places it in send order too (see JournalRecord.sent). */
  mark(label: string, sent?: number): Promise<Mark> {
    return this.call('POST', '/marks', sent === undefined ? { label } : { label, sent });
  }

  /**
   * Every record matching `filter` (up to `filter.limit`), as the journal was at the first call:
   * read in pages that follow `next_cursor`, so a journal of millions never has to fit one answer.
   */
  async requests(filter: Filter = {}): Promise<JournalRecord[]> {
    const { limit, ...rest } = filter;
    const base = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) base.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const records: JournalRecord[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams(base);
      if (cursor !== undefined) {
        query.delete('since');
        query.delete('until');
        query.set('cursor', cursor);
      }
      query.set('limit', String(Math.min(this.pageSize, (limit ?? Number.POSITIVE_INFINITY) - records.length)));
      const page = await this.call<{ requests: JournalRecord[]; next_cursor?: string }>('GET', `/requests?${query}`);
      for (const record of page.requests) records.push(record);
      cursor = page.next_cursor;
    } while (cursor !== undefined && records.length < (limit ?? Number.POSITIVE_INFINITY));
    return records;
  }

  /** Resolves with every match once `count` exist; throws WaitTimeoutError with what it saw otherwise. */
  async waitForRequests(filter: Filter & { count?: number; timeout_ms?: number }): Promise<JournalRecord[]> {
    const response = await fetch(`${this.baseUrl}/__admin/requests/wait`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(filter),
    });
    const body = (await response.json()) as { requests: JournalRecord[] };
    if (response.status === 408) {
      const { count = 1, timeout_ms: _timeout, ...rest } = filter;
      throw new WaitTimeoutError(body.requests, count, rest);
    }
    if (!response.ok) throw new AdminApiError(response.status, body, 'POST /__admin/requests/wait');
    return body.requests;
  }

  async exportJournal(format: 'ndjson' | 'har'): Promise<string> {
    const response = await fetch(`${this.baseUrl}/__admin/requests/export?format=${format}`);
    if (!response.ok) throw new AdminApiError(response.status, await response.text(), 'GET /__admin/requests/export');
    return response.text();
  }

  /** Shifts the mock's clock (`offset_s`, running), moves it (`advance_s`), or holds it at an instant (`hold_at_ms`). */
  clock(change: { offset_s: number } | { advance_s: number } | { hold_at_ms: number }): Promise<ClockView> {
    return this.call('POST', '/clock', change);
  }

  fault(spec: { path: string; status?: number; delay_ms?: number; times?: number; body?: unknown; platform?: Platform; ns?: string }): Promise<{ id: string }> {
    return this.call('POST', '/faults', spec);
  }

  clearFaults(): Promise<{ ok: true }> {
    return this.call('DELETE', '/faults');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/__admin${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new AdminApiError(response.status, parsed, `${method} /__admin${path}`);
    return parsed as T;
  }
}
