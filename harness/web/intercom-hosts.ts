/**
 * Intercom's hosts as a page reaches them (Intercom help, "Content Security Policy"; the
 * official install snippet; @intercom/messenger-js-sdk's region table): the widget loader,
 * its CDN, the regional API hosts, the nexus realtime websockets and the asset hosts.
 */

/** Domains whose every host the browser routing answers locally. */
export const INTERCOM_DOMAINS = ['intercom.io', 'intercomcdn.com', 'intercomassets.com'] as const;

/** The widget loader: `https://widget.intercom.io/widget/<app_id>`. */
export const WIDGET_HOST = 'widget.intercom.io';

/** The messenger API hosts, by region (messenger-js-sdk 0.0.20 `regionAPIs`). */
export const API_HOSTS = ['api-iam.intercom.io', 'api-iam.eu.intercom.io', 'api-iam.au.intercom.io'] as const;

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
