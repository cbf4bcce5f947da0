/**
 * MobileSession on a simulated device, its driver stood in by the device itself (execute's
 * `mobile:` methods, nothing else): the clocks move together to each timer, and the logout
 * boundary is the SDK's logout() by send order.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { MobileSession } from '../../../harness/mobile/mobile-session.ts';
import type { MobileApp } from '../../../harness/mobile/subject.ts';
import { readSimOptions } from '../../../subjects/mobile-sim/src/capabilities.ts';
import { SimulatedDevice } from '../../../subjects/mobile-sim/src/device.ts';
import { correctLogoutEvents, correctMargin10s } from '../../../subjects/mobile-sim/src/sdk/corpus-profiles.ts';
import type { SdkProfile } from '../../../subjects/mobile-sim/src/types.ts';
import { useMock } from '../../support/mock-fixture.ts';

const mock = useMock();

function session(profile: SdkProfile): { mobile: MobileSession; sim: SimulatedDevice } {
  const sim = new SimulatedDevice(readSimOptions({ platformName: 'Android', mockServerUrl: mock.url }), profile, 'clock-test');
  const methods: Record<string, (args: Record<string, unknown>) => unknown> = {
    'mobile: clockInfo': () => sim.clockInfo(),
    'mobile: advanceClock': (args) => sim.advanceClock(Number(args['seconds'])),
    'mobile: sdkCalls': () => sim.sdkCalls(),
  };
  const driver = {
    execute: async (name: string, args: Record<string, unknown>) => {
      const method = methods[name];
      if (!method) throw new Error(`the stand-in driver has no ${name}`);
      return method(args);
    },
  } as unknown as WebdriverIO.Browser;
  const app: MobileApp = {
    logIn: (userId) => sim.app.signIn(userId),
    logOut: () => sim.app.logOut(),
    continueAsVisitor: () => sim.app.continueAsVisitor(),
    refreshJwt: () => sim.app.refreshJwtNow(),
    openMessenger: () => sim.app.openMessenger(),
    sendReply: async (text) => {
      sim.app.type('reply-input', text, false);
      await sim.app.sendReply();
    },
    status: async () => sim.app.describe().status,
  };
  const mobile = new MobileSession(driver, app, mock.admin, { platform: 'Android', automationName: 'IntercomSim', virtualClock: true, profile: profile.name, mockUrl: mock.url, appId: 'sim' });
  return { mobile, sim };
}

describe('MobileSession on the simulated device', () => {
  beforeEach(() => mock.admin.reset());

  it('moves the mock and the device together to each timer: a refresh due at 290 s is minted at 290 s on the mock, not at the end of the step', async () => {
    const { mobile } = session(correctMargin10s);
    await mobile.logIn('alice');
    const steps = await mobile.advanceClock(600, 120);
    const fired = steps.flatMap((step) => step.fired.map((timer) => timer.at_s));
    assert.deepEqual(fired, [290, 580]);
    const [login, ...refreshes] = await mock.admin.issuedTokens('alice');
    // The mock's clock is real time plus the offset moved, so a second or two of wall time may show.
    const minted = refreshes.map((entry) => entry.iat! - login!.iat!);
    assert.equal(minted.length, 2);
    minted.forEach((at, index) => assert.ok(at >= fired[index]! && at <= fired[index]! + 2, `refresh ${index + 1} minted at ${at} s on the mock, the device fired it at ${fired[index]} s`));
    assert.equal(mobile.elapsedS, 600);
  });

  it('logOut() answers the boundary at the SDK logout(): the event the app sent before it is not after it', async () => {
    const { mobile, sim } = session(correctLogoutEvents);
    await mobile.logIn('alice');
    const boundary = await mobile.logOut('logout');
    assert.equal(boundary.observedAt, 'sdk logout()');
    const logout = sim.sdkCalls().calls.find((call) => call.call === 'logout')!;
    assert.equal(boundary.sent, logout.sent);
    const events = await mock.admin.requests({ path: '/messenger/mobile/events' });
    assert.equal(events.length, 1, 'the app tracked signed-out during its log-out flow');
    assert.ok(events[0]!.seq > boundary.fromSeq, 'the event landed after the step started');
    assert.deepEqual(await mobile.recordsAfter(boundary), [], 'nothing was sent after logout()');
    assert.deepEqual((await mock.admin.marks()).map((mark) => [mark.label, mark.sent]), [['logout', logout.sent]]);
  });

  it("refresh points are the app's setUserJwt calls, by send order", async () => {
    const { mobile } = session(correctMargin10s);
    await mobile.logIn('alice');
    await mobile.advanceClock(300, 120);
    const points = await mobile.refreshPoints('alice');
    assert.equal(points.length, 2);
    assert.ok(points.every((point) => typeof point.sent === 'number'));
  });
});
