export { createMockServer, ListenError, type RunningMockServer } from './server.ts';
export { fingerprint } from './identity/fingerprint.ts';
export { userTraces, matchesFilter } from './journal/record-filter.ts';
export * from './constants.ts';
export * from './types.ts';
export { startLiveRun, type LiveRun } from './relay/live-run.ts';
export { ACCESS_TOKEN_ENV, IDENTITY_SECRET_ENV, LiveSettingsError, checkedUpstream, liveCredentialsFromEnv } from './relay/live-options.ts';
export { RestApiError } from './relay/rest-client.ts';
