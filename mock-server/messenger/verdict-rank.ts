import type { JwtEvidence, JwtStatus } from '../types.ts';

/** The verdict precedence (docs/architecture.md, "The Record"), worst first; `user_mismatch` is judged last of the refusals, `valid` is no refusal. */
const WORST_FIRST: readonly JwtStatus[] = [
  'malformed',
  'alg_not_allowed',
  'bad_signature',
  'missing_user_id',
  'not_yet_valid',
  'expired',
  'user_mismatch',
  'valid',
];

/** The token that decides a request carrying several: the worst verdict, the first found on a tie. */
export function decisiveJwt(jwts: readonly JwtEvidence[]): JwtEvidence | null {
  let decisive: JwtEvidence | null = null;
  for (const jwt of jwts) {
    if (!decisive || WORST_FIRST.indexOf(jwt.status) < WORST_FIRST.indexOf(decisive.status)) decisive = jwt;
  }
  return decisive;
}
