/**
 * `intercom-identity-conformance/web`: what a team's Playwright specs and web subject modules use.
 * `test` starts a mock per worker, the subject and a browser page, and resets the journal before
 * each test; `expect` carries the identity matchers. A subject module's default export is a
 * WebSubject (loaded by path: --web-subject / WEB_SUBJECT).
 */
export { test, expect, declareCheck, type WebWorkerOptions } from './fixtures.ts';
export { WebSession } from './web-session.ts';
// The browser the run uses (CHROMIUM_PATH, else Playwright's Chromium, else the system's), for a team's own config.
export { chromiumLaunchOptions } from './browser.ts';
export { clientState, visibleText } from './evidence.ts';
export { loadWebSubject, DEFAULT_WEB_SUBJECT } from './subject-loader.ts';
export type { WebSubject, WebSubjectOptions, RunningWebSubject } from './subject.ts';
// A team's app without a WebSubject class: a steps file for --web-url / --web-steps.
export { defineWebSteps, type WebSteps, type SelectorStep, type PageStep, type UserStep } from './web-steps.ts';
