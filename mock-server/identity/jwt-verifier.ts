import { compactVerify, decodeJwt, decodeProtectedHeader, errors } from 'jose';
import type { JwtEvidence, JwtStatus } from '../types.ts';
import { fingerprint } from './fingerprint.ts';
import { importHs256Key } from './secrets.ts';

export type JwtVerdict = Omit<JwtEvidence, 'location'>;

/** What the signature alone says; identical token bytes under identical keys always agree. */
interface SignatureFacts {
  fingerprint: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  status: 'ok' | Extract<JwtStatus, 'malformed' | 'alg_not_allowed' | 'bad_signature'>;
  secret?: 'primary' | 'rotated';
}

const ALLOWED_ALG = 'HS256';
const SIGNATURE_CACHE_LIMIT = 20_000;

/**
 * Judges a JWT the way Intercom's Messenger Security does: HS256 with the workspace secret (or
 * the rotated one), `user_id` required, `nbf`/`exp` against the mock's clock. When several
 * verdicts apply the first of malformed > alg_not_allowed > bad_signature > missing_user_id >
 * not_yet_valid > expired wins (docs/architecture.md, "The Record"); `user_mismatch` is judged last.
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
    const verdict = (status: JwtStatus): JwtVerdict => ({
      ...base,
      status,
      exp_in_s: expInS,
      ...(facts.secret ? { secret: facts.secret } : {}),
    });
    if (facts.status !== 'ok') return verdict(facts.status);

    const claims = facts.claims ?? {};
    const userId = claims['user_id'];
    if (typeof userId !== 'string' || userId.length === 0) return verdict('missing_user_id');
    const nbf = claims['nbf'];
    if (typeof nbf === 'number' && nbf > nowS + this.clockToleranceS) return verdict('not_yet_valid');
    const exp = claims['exp'];
    if (typeof exp === 'number' && exp <= nowS - this.clockToleranceS) return verdict('expired');
    if (claimedUserId !== undefined && claimedUserId !== userId) return verdict('user_mismatch');
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
    if (this.signatureCache.size >= SIGNATURE_CACHE_LIMIT) this.signatureCache.clear();
    this.signatureCache.set(token, facts);
    return facts;
  }

  private async computeSignatureFacts(token: string): Promise<SignatureFacts> {
    const print = fingerprint(token);
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token) as Record<string, unknown>;
      claims = decodeJwt(token) as Record<string, unknown>;
    } catch {
      return { fingerprint: print, header: null, claims: null, status: 'malformed' };
    }
    if (typeof header['alg'] !== 'string' || !hasNumericTimes(claims)) {
      return { fingerprint: print, header, claims, status: 'malformed' };
    }
    if (header['alg'] !== ALLOWED_ALG) return { fingerprint: print, header, claims, status: 'alg_not_allowed' };

    const keys: ['primary' | 'rotated', CryptoKey][] = [['primary', this.primary]];
    if (this.rotated) keys.push(['rotated', this.rotated]);
    for (const [name, key] of keys) {
      try {
        await compactVerify(token, key, { algorithms: [ALLOWED_ALG] });
        return { fingerprint: print, header, claims, status: 'ok', secret: name };
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed) continue;
        return { fingerprint: print, header, claims, status: 'malformed' };
      }
    }
    return { fingerprint: print, header, claims, status: 'bad_signature' };
  }
}

/** `exp`, `nbf` and `iat` must be NumericDates when present (RFC 7519 §4.1). */
function hasNumericTimes(claims: Record<string, unknown>): boolean {
  return ['exp', 'nbf', 'iat'].every((name) => claims[name] === undefined || typeof claims[name] === 'number');
}
