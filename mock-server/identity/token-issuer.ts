import { generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { fingerprint } from './fingerprint.ts';
import { importHs256Key } from './secrets.ts';

export type SecretChoice = 'primary' | 'rotated' | 'wrong';
export type IssuableAlg = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'ES256' | 'none';
export const ISSUABLE_ALGS: readonly IssuableAlg[] = ['HS256', 'HS384', 'HS512', 'RS256', 'ES256', 'none'];

export interface TokenRequest {
  user_id: string;
  email?: string;
  ttl_s?: number;
  claims?: Record<string, unknown>;
  secret?: SecretChoice;
  alg?: IssuableAlg;
}

export interface IssuedToken {
  token: string;
  fingerprint: string;
  claims: Record<string, unknown>;
  header: Record<string, unknown>;
}

/**
 * Signs Intercom user JWTs the way a customer's backend does, on the mock's clock. Besides the
 * workspace secrets it can sign with a wrong secret or another algorithm, so every verdict can
 * be produced on purpose.
 */
export class TokenIssuer {
  private asymmetricKeys = new Map<'RS256' | 'ES256', CryptoKey>();

  constructor(
    private readonly secrets: Record<SecretChoice, string | null>,
    private readonly defaultTtlS: number,
    private readonly nowS: () => number,
  ) {}

  async issue(request: TokenRequest): Promise<IssuedToken> {
    const iat = this.nowS();
    const ttl = request.ttl_s ?? this.defaultTtlS;
    const claims: Record<string, unknown> = {
      user_id: request.user_id,
      ...(request.email ? { email: request.email } : {}),
      iat,
      exp: iat + ttl,
      ...request.claims,
    };
    for (const [name, value] of Object.entries(claims)) if (value === null) delete claims[name];
    const alg = request.alg ?? 'HS256';
    const header = alg === 'none' ? { alg: 'none' } : { alg, typ: 'JWT' };
    const token = await this.sign(claims as JWTPayload, alg, request.secret ?? 'primary');
    return { token, fingerprint: fingerprint(token), claims, header };
  }

  private async sign(claims: JWTPayload, alg: IssuableAlg, secretChoice: SecretChoice): Promise<string> {
    if (alg === 'none') return new UnsecuredJWT(claims).encode();
    if (alg === 'RS256' || alg === 'ES256') {
      return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(await this.asymmetricKey(alg));
    }
    const secret = this.secrets[secretChoice];
    if (!secret) throw new Error(`secret "${secretChoice}" is not configured in this workspace`);
    const key = alg === 'HS256' ? await importHs256Key(secret) : new TextEncoder().encode(secret);
    return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
  }

  private async asymmetricKey(alg: 'RS256' | 'ES256'): Promise<CryptoKey> {
    let key = this.asymmetricKeys.get(alg);
    if (!key) {
      key = (await generateKeyPair(alg)).privateKey;
      this.asymmetricKeys.set(alg, key);
    }
    return key;
  }
}
