/** What the app server injects into the page as `window.APP_CONFIG`. */
export interface AppConfig {
  mockUrl: string;
  appId: string;
  variant: AppVariant;
  /** Query string appended to the widget URL: the messenger profile. */
  widgetQuery: string;
  jwtTtlS: number;
  jwtRefreshS: number;
}

export const APP_VARIANTS = ['correct', 'logout-reload-only', 'spa-no-shutdown', 'refresh-not-forwarded', 'tracks-logout'] as const;
export type AppVariant = (typeof APP_VARIANTS)[number];
