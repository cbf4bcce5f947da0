/**
 * What the page server injects as `window.APP_CONFIG`. Only the app's own backend (the mock's
 * token service, the team's backend stand-in) is local: Intercom's hosts stay the real ones the
 * library ships, and the harness's host routing answers them.
 */
export interface ThirdPartyAppConfig {
  appId: string;
  /** The app's backend: `<mock>/app-backend` (/login, /logout, /me, /jwt). */
  backendUrl: string;
  jwtTtlS: number;
  jwtRefreshS: number;
}
