/**
 * SDK profile hooks, through the example module a team would write (test/fixtures/sdk-hooks-profile.mjs,
 * loaded by path as appium:sdkProfileModule is): the correct default passes; each fault, written
 * through one hook kind, is caught by the oracle the mobile check uses. The device runs in-process
 * against an in-process mock (no Appium), so each flow takes well under a second.
 */
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, it } from 'node:test';
import { priorUser, recordsSentAfter, requestsCarryFreshTokens, requestsCarryNoTraceOf, type OracleVerdict } from '../../../harness/oracles/index.ts';
import { readSimOptions } from '../../../subjects/mobile-sim/src/capabilities.ts';
import { SimulatedDevice } from '../../../subjects/mobile-sim/src/device.ts';
import { loadProfileModule, validateProfile } from '../../../subjects/mobile-sim/src/sdk/profile-loader.ts';
import { correctLogoutEvents, correctSlowNetwork } from '../../../subjects/mobile-sim/src/sdk/corpus-profiles.ts';
import type { SdkProfile, SimPlatform } from '../../../subjects/mobile-sim/src/types.ts';
import { useMock } from '../../support/mock-fixture.ts';

const MODULE = fileURLToPath(new URL('../../fixtures/sdk-hooks-profile.mjs', import.meta.url));
const mock = useMock();

interface Fixture {
  faults: Record<string, unknown>;
  flushesBeforeLogout: unknown;
  sessions: Map<string, { seen: { platform: string; device: string; path: string }[] }>;
}

async function fixture(): Promise<Fixture> {
  return (await import(pathToFileURL(MODULE).href)) as Fixture;
}

async function fault(name: string): Promise<SdkProfile> {
  return validateProfile((await fixture()).faults[name], `faults.${name}`);
}

function device(profile: SdkProfile, platform: SimPlatform, sessionId: string, namespace?: string): SimulatedDevice {
  const options = readSimOptions({ platformName: platform, mockServerUrl: mock.url, udid: `${platform}-${sessionId}`, ...(namespace ? { mockNamespace: namespace } : {}) });
  return new SimulatedDevice(options, profile, sessionId);
}

/** MOB-LOGOUT-01's flow and its request oracle, with the boundary at the SDK's logout(). */
async function logoutVerdict(sim: SimulatedDevice, namespace?: string): Promise<OracleVerdict> {
  await sim.app.signIn('alice');
  await sim.app.openMessenger();
  await sim.app.logOut();
  const logout = sim.sdkCalls().calls.find((call) => call.call === 'logout');
  assert.ok(logout, 'the SDK logged its logout() call');
  await sim.app.continueAsVisitor();
  await sim.app.openMessenger();
  const all = await mock.admin.requests(namespace ? { ns: namespace } : {});
  return requestsCarryNoTraceOf(recordsSentAfter(all, { seq: 0, sent: logout.sent }), priorUser(await mock.admin.user('alice'), all));
}

/** MOB-JWT-REFRESH-01's request oracle over 10 minutes, clocks moved together to each timer, a reply every minute. */
async function refreshVerdict(sim: SimulatedDevice): Promise<OracleVerdict> {
  await sim.app.signIn('alice');
  await sim.app.openMessenger();
  for (let minute = 1; minute <= 10; minute += 1) {
    for (;;) {
      const target = minute * 60;
      const due = sim.clockInfo().timers.map((timer) => timer.due_s).filter((at) => at > sim.clock.now() && at < target);
      const to = due.length ? Math.min(...due) : target;
      const move = to - sim.clock.now();
      await mock.admin.clock({ advance_s: move });
      await sim.advanceClock(move);
      if (to === target) break;
    }
    sim.app.type('reply-input', `minute ${minute}`, false);
    await sim.app.sendReply();
  }
  const issued = await mock.admin.issuedTokens('alice');
  const minted = new Map(issued.map((entry) => [entry.fingerprint, entry]));
  const refreshes = sim
    .sdkCalls()
    .calls.filter((call) => call.call === 'setUserJwt' && call.jwt_fingerprint && minted.has(call.jwt_fingerprint))
    .map((call) => ({ seq: minted.get(call.jwt_fingerprint!)!.after_seq, sent: call.sent, fingerprint: call.jwt_fingerprint! }));
  return requestsCarryFreshTokens(await mock.admin.requests(), 'alice', issued, refreshes);
}

const kinds = (verdict: OracleVerdict): string[] => [...new Set(verdict.violations.map((violation) => violation.kind))];

describe('SDK profile hooks (test/fixtures/sdk-hooks-profile.mjs)', () => {
  beforeEach(() => mock.admin.reset());

  it('the module loads by path; its correct default passes the logout and refresh oracles', async () => {
    const profile = await loadProfileModule(MODULE);
    assert.equal(profile.name, 'hooks-example');
    const logout = await logoutVerdict(device(profile, 'android', 'default-logout'));
    assert.ok(logout.pass, logout.explanation);
    await mock.admin.reset();
    const refresh = await refreshVerdict(device(profile, 'ios', 'default-refresh'));
    assert.ok(refresh.pass, refresh.explanation);
  });

  it('async requestJwt with the previous token and the hand-over history: a 30 s grace period after setUserJwt is caught', async () => {
    const verdict = await refreshVerdict(device(await fault('grace-period'), 'android', 'grace'));
    assert.equal(verdict.pass, false);
    assert.deepEqual(kinds(verdict), ['stale-token-after-refresh']);
    assert.match(verdict.explanation, /handed over after #\d+ \(send order \d+\)/);
  });

  it("beforeRequest changing user attributes: the prior user's email re-sent after logout is caught", async () => {
    const verdict = await logoutVerdict(device(await fault('sticky-attributes'), 'ios', 'sticky'));
    assert.equal(verdict.pass, false);
    assert.ok(kinds(verdict).includes('prior-identifiers-sent'), verdict.explanation);
  });

  it('afterResponse seeing responses: a session token kept from the users response and resumed after logout is caught', async () => {
    const verdict = await logoutVerdict(device(await fault('resumed-session'), 'android', 'resumed'));
    assert.equal(verdict.pass, false);
    assert.ok(kinds(verdict).includes('prior-session-sent') && kinds(verdict).includes('prior-resumed-via-session'), verdict.explanation);
  });

  it("queued requests: a queue flushed after logout() is caught; flushed before logout() it passes", async () => {
    const after = await logoutVerdict(device(await fault('flush-after-logout'), 'ios', 'flush-after'));
    assert.equal(after.pass, false);
    assert.ok(kinds(after).includes('prior-jwt-sent'), after.explanation);
    await mock.admin.reset();
    const sim = device(validateProfile((await fixture()).flushesBeforeLogout, 'flushesBeforeLogout'), 'ios', 'flush-before');
    const before = await logoutVerdict(sim);
    assert.ok(before.pass, before.explanation);
    assert.ok((await mock.admin.requests({ path: '/messenger/mobile/events' })).length > 0, 'the queued event was sent');
  });

  it('the context names platform, device and session: a fault only on Android is caught there, while iOS runs at the same time and passes', async () => {
    const profile = await fault('android-only-sticky');
    const [android, ios] = await Promise.all([
      logoutVerdict(device(profile, 'android', 'ctx-android', 'ns-android'), 'ns-android'),
      logoutVerdict(device(profile, 'ios', 'ctx-ios', 'ns-ios'), 'ns-ios'),
    ]);
    assert.equal(android.pass, false, 'Android re-sends the prior user');
    assert.ok(ios.pass, ios.explanation);
    const { sessions } = await fixture();
    assert.deepEqual([...new Set(sessions.get('ctx-android')!.seen.map((entry) => `${entry.platform} ${entry.device}`))], ['android android-ctx-android']);
    assert.deepEqual([...new Set(sessions.get('ctx-ios')!.seen.map((entry) => `${entry.platform} ${entry.device}`))], ['ios ios-ctx-ios']);
  });
});

describe('the logout boundary by send order', () => {
  beforeEach(() => mock.admin.reset());

  it("a correct app's 'signed-out' event sent before logout() passes; judged from the step's start (the old boundary) it would fail", async () => {
    const sim = device(correctLogoutEvents, 'android', 'events');
    const verdict = await logoutVerdict(sim);
    assert.ok(verdict.pass, verdict.explanation);
    const all = await mock.admin.requests();
    const event = all.find((record) => record.path === '/messenger/mobile/events');
    assert.ok(event && typeof event.sent === 'number', 'the event was sent and stamped');
    const logout = sim.sdkCalls().calls.find((call) => call.call === 'logout')!;
    assert.ok(event.sent! <= logout.sent, 'the event went out before logout()');
    const fromStepStart = requestsCarryNoTraceOf(all.filter((record) => record.seq >= event.seq), priorUser(await mock.admin.user('alice'), all));
    assert.equal(fromStepStart.pass, false, 'by arrival from the step start, the event is flagged');
  });

  it('300 ms of latency on every request changes no verdict', async () => {
    const verdict = await logoutVerdict(device(correctSlowNetwork, 'ios', 'slow'));
    assert.ok(verdict.pass, verdict.explanation);
  });
});
