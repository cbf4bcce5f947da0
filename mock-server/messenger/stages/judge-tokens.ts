import type { RequestParts } from '../../identity/jwt-extractor.ts';
import { extractJwts } from '../../identity/jwt-extractor.ts';
import type { MockState } from '../../state.ts';
import type { ClaimedIdentity, JwtEvidence } from '../../types.ts';
import type { Stage } from '../request-context.ts';
import { decisiveJwt } from '../verdict-rank.ts';

/** res.locals key the last-resort error handler reads: the tokens already judged, so a later failure keeps them. */
export const JUDGED = 'mockJudgedJwts';

/** Every token the request carries, wherever it is, judged; the worst one decides. */
export const judgeTokens: Stage = {
  name: 'judge tokens',
  async run(context) {
    context.jwts = await judgeJwts(context.state, context.parts, context.claimed);
    context.res.locals[JUDGED] = context.jwts;
    context.jwt = decisiveJwt(context.jwts);
  },
};

/** Every token the request carries, judged against the mock clock and the claimed user. */
export async function judgeJwts(state: MockState, parts: RequestParts, claimed: ClaimedIdentity | null): Promise<JwtEvidence[]> {
  if (!state.policy.verify) return [];
  const nowS = state.clock.nowS();
  const found = extractJwts(parts);
  // Sized up front: an array grown by push reserves room for 17, and the journal keeps one per record.
  const judged = new Array<JwtEvidence>(found.length);
  const offsetS = state.clock.offsetS;
  for (const [index, { token, location }] of found.entries()) {
    judged[index] = { location, ...(await state.verifier.verify(token, state.tokenTime.judgedAt(token, nowS, offsetS), claimed?.user_id)) };
  }
  return judged;
}
