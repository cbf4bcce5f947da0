/**
 * Intercom's hosts: one list for the browser routing (a page's traffic) and the recording proxy
 * (a device's). Sources, and what is inferred, are named beside each.
 */

/** The messenger's mobile API suffixes, by region (decompiled Android SDK `ApiFactory`: `PARTIAL_HOSTNAME_US/EU/AUS`). */
export const MOBILE_HOST_SUFFIXES = {
  us: 'mobile-messenger.intercom.com',
  eu: 'mobile-messenger.eu.intercom.io',
  au: 'mobile-messenger.au.intercom.io',
} as const;

export type IntercomRegion = keyof typeof MOBILE_HOST_SUFFIXES;

/**
 * Domains whose every host is Intercom's: the widget loader, its CDN, the regional API hosts,
 * the nexus realtime websockets, the asset hosts (Intercom help, "Content Security Policy"; the
 * official install snippet; @intercom/messenger-js-sdk's region table), and the US mobile API
 * domain (the EU and AU ones are under intercom.io already).
 */
export const INTERCOM_DOMAINS = ['intercom.io', 'intercomcdn.com', 'intercomassets.com', MOBILE_HOST_SUFFIXES.us] as const;

/** The widget loader: `https://widget.intercom.io/widget/<app_id>`. */
export const WIDGET_HOST = 'widget.intercom.io';

/** The messenger API hosts, by region (messenger-js-sdk 0.0.20 `regionAPIs`). */
export const API_HOSTS = ['api-iam.intercom.io', 'api-iam.eu.intercom.io', 'api-iam.au.intercom.io'] as const;

/** Longest DNS label; the SDK cuts the `<app_id>-<platform>` label to it. */
const MAX_LABEL = 63;

/**
 * The host a native SDK sends its messenger API requests to: `<app_id>-android.<suffix>`
 * (Android `ApiFactory.getFullHostname`: characters outside `[A-Za-z0-9-$]` removed, the label
 * cut to 63 characters, one fewer if that leaves a trailing `-`). iOS's `<app_id>-ios.` label on
 * the US suffix is seen in published network configs; its EU and AU hosts and its label rules
 * are inferred from Android's.
 */
export function mobileApiHost(appId: string, platform: 'android' | 'ios', region: IntercomRegion = 'us'): string {
  let label = `${appId.replace(/[^A-Za-z0-9\-$]/g, '')}-${platform}`;
  if (label.length > MAX_LABEL) label = label.slice(0, label.charAt(MAX_LABEL - 1) === '-' ? MAX_LABEL - 1 : MAX_LABEL);
  return `${label}.${MOBILE_HOST_SUFFIXES[region]}`;
}

export function isIntercomHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return INTERCOM_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export function isIntercomUrl(url: URL): boolean {
  return isIntercomHost(url.hostname);
}

/** The app id of a widget loader URL, or null when the URL is not one. */
export function widgetAppId(url: URL): string | null {
  if (url.hostname.toLowerCase() !== WIDGET_HOST) return null;
  const match = /^\/widget\/([^/]+)\/?$/.exec(url.pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}
