import { postJson, type JsonResponse } from '../net/post-json.ts';

export interface AppSignIn {
  userId: string;
  email: string | null;
  /** The app's own session with its backend, sent as `Authorization: Bearer …`. */
  appSession: string;
}

export interface MintedJwt {
  token: string;
  fingerprint: string;
  /** `exp` claim, on the backend's clock. */
  exp: number | null;
}

/** The app's backend refused or failed a call; the message says which call and why. */
export class TokenServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The reference app's backend, as a mobile app calls it: sign in for an app session, then mint
 * Intercom JWTs with that session as a bearer token (the mock's `/app-backend`).
 */
export class TokenServiceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async login(userId: string): Promise<AppSignIn> {
    const response = await this.post('login', { user_id: userId });
    const appSession = response.body['app_session'];
    if (typeof appSession !== 'string' || !appSession) throw new TokenServiceError(response.status, `token service login answered without an app_session (${this.baseUrl}/login)`);
    const email = response.body['email'];
    return { userId, email: typeof email === 'string' ? email : null, appSession };
  }

  async mintJwt(appSession: string, ttlS: number): Promise<MintedJwt> {
    const response = await this.post('jwt', { ttl_s: ttlS }, appSession);
    const { token, fingerprint, exp } = response.body;
    if (typeof token !== 'string' || typeof fingerprint !== 'string') throw new TokenServiceError(response.status, `token service jwt answered without a token (${this.baseUrl}/jwt)`);
    return { token, fingerprint, exp: typeof exp === 'number' ? exp : null };
  }

  async logout(appSession: string): Promise<void> {
    await this.post('logout', {}, appSession);
  }

  private async post(path: string, body: unknown, bearer?: string): Promise<JsonResponse> {
    const headers = { ...this.headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) };
    const response = await postJson(`${this.baseUrl}/${path}`, body, headers);
    if (response.status >= 400) {
      const reason = typeof response.body['error'] === 'string' ? response.body['error'] : JSON.stringify(response.body);
      throw new TokenServiceError(response.status, `token service ${path} → HTTP ${response.status}: ${reason}`);
    }
    return response;
  }
}
