import type { IntercomRegion, SimPlatform } from '../types.ts';

/**
 * The regional suffix of the mobile messenger's host. Android's ApiFactory (SDK 17.x, decompiled):
 * `PARTIAL_HOSTNAME_US = ".mobile-messenger.intercom.com"`, `_EU = ".mobile-messenger.eu.intercom.io"`,
 * `_AUS = ".mobile-messenger.au.intercom.io"` (docs/intercom-behaviour.md, "Mobile SDKs").
 */
const REGION_SUFFIX: Record<IntercomRegion, string> = {
  us: '.mobile-messenger.intercom.com',
  eu: '.mobile-messenger.eu.intercom.io',
  au: '.mobile-messenger.au.intercom.io',
};

/** A DNS label is at most 63 characters (Android's `MAX_DNS_SEGMENT_SIZE`). */
const MAX_DNS_LABEL = 63;

/**
 * The first label: the app id without characters a host may not hold, then `-android` or `-ios`,
 * cut to one DNS label. Android: `createUniqueIdentifier` in ApiFactory. iOS: [inferred] the same
 * rule with `-ios`; intercom-ios ships a binary, and the only public evidence is apps' traffic rules
 * naming `<app_id>-ios.mobile-messenger.intercom.com/messenger/mobile/users` (US region; the EU and
 * AU suffixes on iOS are inferred from Android's).
 */
function hostLabel(platform: SimPlatform, appId: string): string {
  const label = `${appId.replace(/[^A-Za-z0-9-]/g, '')}-${platform}`;
  if (label.length <= MAX_DNS_LABEL) return label;
  return label.slice(0, label.charAt(MAX_DNS_LABEL - 1) === '-' ? MAX_DNS_LABEL - 1 : MAX_DNS_LABEL);
}

/** The host a production SDK of this platform sends its messenger traffic to, e.g. `mockapp1-android.mobile-messenger.intercom.com`. */
export function messengerHost(platform: SimPlatform, appId: string, region: IntercomRegion): string {
  return `${hostLabel(platform, appId)}${REGION_SUFFIX[region]}`;
}

/** `https://<host>`: the base the transport puts `/messenger/mobile/<path>` under in the real-network mode. */
export function messengerOrigin(platform: SimPlatform, appId: string, region: IntercomRegion): string {
  return `https://${messengerHost(platform, appId, region)}`;
}

export const INTERCOM_REGIONS: readonly IntercomRegion[] = ['us', 'eu', 'au'];
