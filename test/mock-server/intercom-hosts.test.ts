import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIntercomHost, mobileApiHost } from '../../mock-server/index.ts';

describe("Intercom's hosts, shared by the browser routing and the recording proxy", () => {
  it('names the mobile API host an SDK addresses, by platform and region', () => {
    assert.equal(mobileApiHost('abc123', 'android'), 'abc123-android.mobile-messenger.intercom.com');
    assert.equal(mobileApiHost('abc123', 'ios', 'eu'), 'abc123-ios.mobile-messenger.eu.intercom.io');
    assert.equal(mobileApiHost('abc123', 'android', 'au'), 'abc123-android.mobile-messenger.au.intercom.io');
  });

  it('keeps the label a DNS label, as the Android SDK does: odd characters dropped, 63 characters at most, no trailing dash', () => {
    assert.equal(mobileApiHost('ab_c.1', 'android'), 'abc1-android.mobile-messenger.intercom.com');
    const label = mobileApiHost('a'.repeat(70), 'android').split('.')[0]!;
    assert.equal(label, 'a'.repeat(63));
    assert.equal(mobileApiHost(`${'a'.repeat(62)}-x`, 'android').split('.')[0], 'a'.repeat(62));
  });

  it("counts every mobile, web, CDN and realtime host as Intercom's, and nothing beside them", () => {
    for (const host of [mobileApiHost('abc', 'android'), mobileApiHost('abc', 'ios', 'au'), 'api-iam.intercom.io', 'widget.intercom.io', 'js.intercomcdn.com', 'nexus-websocket-a.intercom.io', 'static.intercomassets.com', 'API-IAM.INTERCOM.IO.']) {
      assert.equal(isIntercomHost(host), true, host);
    }
    for (const host of ['www.intercom.com', 'intercom.com', 'example.com', 'notintercom.io', 'mobile-messenger.intercom.com.evil.test']) {
      assert.equal(isIntercomHost(host), false, host);
    }
  });
});
