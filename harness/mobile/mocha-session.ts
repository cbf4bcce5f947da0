/// <reference types="mocha" />
import { browser } from '@wdio/globals';
import { MockAdminClient } from '../admin-client.ts';
import { registerCheck, type Check } from '../check.ts';
import { labelCheck } from './check-labels.ts';
import { deviceInfo } from './device-info.ts';
import { installIdentityMatchers } from './expect.ts';
import { MobileSession } from './mobile-session.ts';
import type { MobileApp } from './subject.ts';

let current: MobileSession | null = null;

/** The session of the spec file running in this worker, or null before its `before` hook ran. */
export function currentSession(): MobileSession | null {
  return current;
}

/**
 * Registers a mocha `before` hook that builds this spec file's MobileSession (one Appium session
 * per spec file, as WDIO gives each file its own worker): the identity matchers, the device read
 * from the capabilities, and a reset of the device's mock. Returns an accessor for the tests.
 */
export function useMobileSession(app: MobileApp, options: { appId: string }): () => MobileSession {
  before(async () => {
    installIdentityMatchers();
    const requested = (browser.requestedCapabilities ?? browser.capabilities) as Record<string, unknown>;
    const device = deviceInfo(requested, options.appId);
    const admin = new MockAdminClient(device.mockUrl);
    await admin.reset();
    current = new MobileSession(browser, app, admin, device);
  });
  return () => {
    if (!current) throw new Error('the mobile session is not ready: call useMobileSession() inside describe(), and use the session inside it()');
    return current;
  };
}

/**
 * A check's test: a Mocha `it` titled by the check, registered so the results reporter reads the
 * check back as data (harness/check.ts), and labelled in Allure before the body runs. The check
 * is declared once: `checkTest(MOB_LOGOUT_01, async () => { … })`.
 */
export function checkTest(check: Check, body: (this: Mocha.Context) => Promise<void>): Mocha.Test {
  registerCheck(check, check.title);
  return it(check.title, async function (this: Mocha.Context) {
    if (current) await labelCheck(check, current.device);
    await body.call(this);
  });
}
