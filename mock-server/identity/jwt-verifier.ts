import { compactVerify, errors } from 'jose';
import type { JwtEvidence, JwtStatus } from '../types.ts';
import { fingerprint } from './fingerprint.ts';
import { importHs256Key } from './secrets.ts';
import { decodeToken } from './token-shape.ts';

export type JwtVerdict = Omit<JwtEvidence, 'location'>;

/** What the signature alone says; identical token bytes under identical keys always agree. */
interface SignatureFacts {
  fingerprint: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  status: 'ok' | Extract<JwtStatus, 'malformed' | 'alg_not_allowed' | 'bad_signature'>;
  reason?: string;
  secret?: 'primary' | 'rotated';
}

const ALLOWED_ALG = 'HS256';
const SIGNATURE_CACHE_LIMIT = 20_000;
/** Longer tokens are judged afresh each time rather than held in the cache. */
const CACHEABLE_TOKEN_CHARS = 4096;

/**
 * Judges a JWT the way Intercom's Messenger Security does: HS256 with the workspace secret (or
 * the rotated one), `user_id` required, `nbf`/`exp` against the mock's clock. When several
 * verdicts apply the first of malformed > alg_not_allowed > bad_signature > missing_user_id >
 * not_yet_valid > expired wins (docs/architecture.md, "The Record"); `user_mismatch` is judged last.
 * Every verdict but `valid` carries a `reason`.
 */
export class JwtVerifier {
  private readonly signatureCache = new Map<string, SignatureFacts>();

  private constructor(
    private readonly primary: CryptoKey,
    private readonly rotated: CryptoKey | null,
    private readonly clockToleranceS: number,
  ) {}

  static async create(primarySecret: string, rotatedSecret: string | null, clockToleranceS = 0): Promise<JwtVerifier> {
    return new JwtVerifier(
      await importHs256Key(primarySecret),
      rotatedSecret ? await importHs256Key(rotatedSecret) : null,
      clockToleranceS,
    );
  }

  async verify(token: string, nowS: number, claimedUserId?: string): Promise<JwtVerdict> {
    const facts = await this.signatureFacts(token);
    const base = { fingerprint: facts.fingerprint, header: facts.header, claims: facts.claims };
    const expInS = typeof facts.claims?.['exp'] === 'number' ? facts.claims['exp'] - nowS : null;
    const verdict = (status: JwtStatus, reason?: string): JwtVerdict => ({
      ...base,
      status,
      exp_in_s: expInS,
      ...(reason ? { reason } : {}),
      ...(facts.secret ? { secret: facts.secret } : {}),
    });
    if (facts.status !== 'ok') return verdict(facts.status, facts.reason);

    const claims = facts.claims ?? {};
    const userId = claims['user_id'];
    if (typeof userId !== 'string' || userId.length === 0) return verdict('missing_user_id', 'no non-empty user_id claim');
    const nbf = claims['nbf'];
    if (typeof nbf === 'number' && nbf > nowS + this.clockToleranceS) return verdict('not_yet_valid', `nbf is ${nbf - nowS} s after receipt`);
    const exp = claims['exp'];
    if (typeof exp === 'number' && exp <= nowS - this.clockToleranceS) return verdict('expired', exp === nowS ? 'expired at receipt' : `expired ${nowS - exp} s before receipt`);
    if (claimedUserId !== undefined && claimedUserId !== userId) {
      return verdict('user_mismatch', `token is for user_id "${userId}", the request claims "${claimedUserId}"`);
    }
    return verdict('valid');
  }

  /** Forgets cached signature checks; needed when the secrets change. */
  clearCache(): void {
    this.signatureCache.clear();
  }

  private async signatureFacts(token: string): Promise<SignatureFacts> {
    const cached = this.signatureCache.get(token);
    if (cached) return cached;
    const facts = await this.computeSignatureFacts(token);
    if (token.length > CACHEABLE_TOKEN_CHARS) return facts;
    if (this.signatureCache.size >= SIGNATURE_CACHE_LIMIT) this.signatureCache.clear();
    this.signatureCache.set(token, facts);
    return facts;
  }

  private async computeSignatureFacts(token: string): Promise<SignatureFacts> {
    const print = fingerprint(token);
    const decoded = decodeToken(token);
    if (!decoded.ok) return { fingerprint: print, header: decoded.header, claims: null, status: 'malformed', reason: decoded.reason };
    const { header, claims } = decoded;
    const malformed = (reason: string): SignatureFacts => ({ fingerprint: print, header, claims, status: 'malformed', reason });
    if (typeof header['alg'] !== 'string') return malformed('header has no alg string');
    // JWTs never use JWS extensions (RFC 7515 §4.1.11, RFC 7797): one a verifier skips could change what was signed.
    if ('crit' in header) return malformed(`header lists crit extensions (${JSON.stringify(header['crit'])}), which the workspace does not accept`);
    if ('b64' in header) return malformed('header sets b64 (RFC 7797 unencoded payload), which a JWT may not');
    const badTime = ['exp', 'nbf', 'iat'].find((name) => claims[name] !== undefined && typeof claims[name] !== 'number');
    if (badTime) return malformed(`${badTime} is not a NumericDate (RFC 7519 §4.1)`);
    if (header['alg'] !== ALLOWED_ALG) {
      return { fingerprint: print, header, claims, status: 'alg_not_allowed', reason: `alg ${JSON.stringify(header['alg'])} is not ${ALLOWED_ALG}` };
    }

    const keys: ['primary' | 'rotated', CryptoKey][] = [['primary', this.primary]];
    if (this.rotated) keys.push(['rotated', this.rotated]);
    for (const [name, key] of keys) {
      try {
        await compactVerify(token, key, { algorithms: [ALLOWED_ALG] });
        return { fingerprint: print, header, claims, status: 'ok', secret: name };
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed) continue;
        return malformed(`jose refused it: ${(error as Error).message}`);
      }
    }
    return {
      fingerprint: print,
      header,
      claims,
      status: 'bad_signature',
      reason: this.rotated ? 'signature matches neither the primary nor the rotated secret' : 'signature does not match the workspace secret',
    };
  }
}
