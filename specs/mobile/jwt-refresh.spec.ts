import { checkTest, expect, useMobileSession } from '../../harness/mobile/index.ts';
import { MOB_JWT_REFRESH_01 } from '../checks.ts';
import { app, appId } from './screens/index.ts';

/** The seed: a 5-minute JWT (the app's default TTL) refreshed every 4 minutes, over a 30-minute session. */
const SESSION_S = 30 * 60;
/**
 * A person replies every 2 minutes: each reply is traffic that must carry the newest token. The
 * clocks move to every timer in between (each refresh), so the time a reply is judged at is
 * exact; replying every minute doubled the check's cost and caught nothing more.
 */
const STEP_S = 120;
/** In the middle of the session the app spends 6 minutes in the background: longer than the TTL. */
const BACKGROUND_AT_S = 14 * 60;
const BACKGROUND_S = 6 * 60;

describe(MOB_JWT_REFRESH_01.id, () => {
  const session = useMobileSession(app, { appId });

  checkTest(MOB_JWT_REFRESH_01, async () => {
    const mobile = session();
    await mobile.logIn('alice');
    await mobile.openMessenger();

    let elapsed = 0;
    let replies = 0;
    while (elapsed < SESSION_S) {
      if (elapsed === BACKGROUND_AT_S) {
        await mobile.background();
        await mobile.advanceClock(BACKGROUND_S, STEP_S);
        await mobile.resume({ awaitForeground: true });
        elapsed += BACKGROUND_S;
        continue;
      }
      await mobile.advanceClock(STEP_S, STEP_S);
      elapsed += STEP_S;
      await mobile.sendReply(`still here at minute ${elapsed / 60}`);
      replies += 1;
    }

    // Preconditions of the scenario (plain errors, not verdicts): the session ran and the app
    // refreshed at least once per token lifetime while in the foreground, whatever its margin.
    const issued = await mobile.issuedTokens('alice');
    const first = issued[0];
    const ttl = first && first.exp !== null && first.iat !== null ? first.exp - first.iat : null;
    const minimum = ttl ? 1 + Math.floor((SESSION_S - BACKGROUND_S) / ttl) : 2;
    if (issued.length < minimum) throw new Error(`precondition failed: the app obtained ${issued.length} JWTs for alice over the session, expected at least ${minimum} (login + one per ${ttl ?? '?'} s token lifetime in the foreground)`);
    const records = await mobile.records();
    if (records.length < replies) throw new Error(`precondition failed: ${records.length} messenger requests for ${replies} replies`);

    await expect(records).toCarryFreshTokens({ userId: 'alice', issued, refreshes: await mobile.refreshPoints('alice') });
  });
});
