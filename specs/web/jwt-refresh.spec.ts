import { declareCheck, expect, test } from '../../harness/web/fixtures.ts';
import { WEB_JWT_REFRESH_01 } from '../checks.ts';

const SESSION_S = 30 * 60;
/** The open messenger polls its conversations every minute: the session's traffic. */
const POLL_S = 60;

test(...declareCheck(WEB_JWT_REFRESH_01), async ({ web, jwtTtlS, jwtRefreshS }) => {
  test.info().annotations.push({ type: 'timing', description: `TTL ${jwtTtlS} s, refresh every ${jwtRefreshS} s, ${SESSION_S / 60}-minute session` });
  // Real time while the page loads and signs in; then the page's timers and the mock's clock move
  // together, from one due timer to the next, each timer's requests settled before the next runs.
  const clock = await web.syncedClock();
  await web.open();
  await web.logIn('alice');
  await web.openMessenger();
  const start = await clock.pause();
  await clock.runUntil(start + SESSION_S * 1000);
  console.log('TIMERS', clock.timersRun);

  // What the app did is reported, not required: an app that never refreshes is judged by what it sent
  // (an expired JWT once the first one runs out). The session itself running is a precondition.
  test.info().annotations.push({ type: 'refreshes', description: `the app refreshed its JWT ${await web.refreshCount()} times; ${clock.timersRun} page timers ran` });
  const records = await web.records();
  const polls = records.filter((record) => record.path.endsWith('/conversations')).length;
  if (polls < SESSION_S / POLL_S) throw new Error(`precondition failed: ${polls} conversation polls in ${SESSION_S} s, expected at least ${SESSION_S / POLL_S}`);

  expect(records, 'every request for alice').toCarryFreshTokens({ userId: 'alice', issued: await web.tokens('alice'), refreshes: await web.handOvers('alice') });
});
