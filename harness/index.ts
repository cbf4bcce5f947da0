/**
 * The package's main entry (`import … from 'intercom-identity-conformance'`): what a team's own
 * modules use outside a test runner. The admin client of the mock, the checks' shape, the oracles
 * and their matchers, and the subject interfaces. Nothing here loads Playwright or WebdriverIO;
 * the runner-side helpers are `intercom-identity-conformance/web` and `/mobile`.
 */
export { MockAdminClient, AdminApiError, WaitTimeoutError, type Filter, type Health, type IssuedToken, type IssuedTokenEntry, type JournalRecord, type Mark, type TokenOptions, type WorkspaceUser } from './admin-client.ts';
export { defineCheck, checkTag, checkIdOfAnnotations, CHECK_ANNOTATION, type Check } from './check.ts';
export { PLATFORMS, PLATFORM_LABEL, type Platform, type TestStatus, type Verdict, type CellResult, type Outcome } from './result.ts';
export * from './oracles/index.ts';
export { identityMatchers, ORACLE_MARK, type MatcherResult, type MatcherState } from './matchers.ts';
export type { WebSubject, WebSubjectOptions, RunningWebSubject } from './web/subject.ts';
export type { MobileApp, MobilePlatform, DeviceInfo } from './mobile/subject.ts';
