export { createMockServer, ListenError, type RunningMockServer } from './server.ts';
export { fingerprint } from './identity/fingerprint.ts';
export { userTraces, matchesFilter } from './journal/record-filter.ts';
export * from './constants.ts';
export * from './types.ts';
export * from './intercom-hosts.ts';
export { SENT_HEADER, HOST_HEADER, PROXY_HEADERS } from './messenger/delivery.ts';
