import { expect, test } from '../../harness/web/fixtures.ts';
import type { RefreshPoint } from '../../harness/oracles/index.ts';
import { WEB_JWT_REFRESH_01 } from '../checks.ts';

const SESSION_S = 30 * 60;
const STEP_S = 60;

test(`${WEB_JWT_REFRESH_01.id} ${WEB_JWT_REFRESH_01.title}`, async ({ web, page, admin, jwtTtlS, jwtRefreshS, describeCheck }) => {
  await describeCheck(WEB_JWT_REFRESH_01);
  test.info().annotations.push({ type: 'timing', description: `TTL ${jwtTtlS} s, refresh every ${jwtRefreshS} s, ${SESSION_S / 60}-minute session` });
  // The page's timers and the mock's clock move together, a minute at a time.
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start + 1000);
  await web.open();
  await web.logIn('alice');
  await web.openMessenger();

  const refreshes: RefreshPoint[] = [];
  for (let elapsed = STEP_S; elapsed <= SESSION_S; elapsed += STEP_S) {
    const before = await web.latestSeq();
    await admin.clock({ advance_s: STEP_S });
    await page.clock.runFor(STEP_S * 1000);
    // The open messenger polls its conversations every minute: that poll is this step's traffic.
    await admin.waitForRequests({ since: before, path: '/messenger/web/conversations', count: 1 });
    const due = Math.floor(elapsed / jwtRefreshS);
    if (due > refreshes.length) {
      await expect.poll(() => web.refreshCount(), { message: `the app's refresh #${due} at ${elapsed} s` }).toBe(due);
      const newest = (await admin.issuedTokens('alice')).at(-1)!;
      refreshes.push({ seq: await web.latestSeq(), fingerprint: newest.fingerprint });
    }
  }

  expect(refreshes.length, 'refreshes in the session').toBe(Math.floor(SESSION_S / jwtRefreshS));
  const records = await web.records();
  expect(records.length, 'requests over the session').toBeGreaterThanOrEqual(SESSION_S / STEP_S);
  expect(records, 'every request for alice').toCarryFreshTokens({ userId: 'alice', issued: await admin.issuedTokens('alice'), refreshes });
});
