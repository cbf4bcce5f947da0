import type { Page } from '@playwright/test';
import type { StaticRoute } from '../../mock-server/types.ts';

/**
 * The web subject interface: everything the browser specs need from a thing under test. The
 * bundled reference app implements it; a team's own app plugs in with a module whose default
 * export is a WebSubject, named by WEB_SUBJECT (see README, "Bring your own web app").
 *
 * Each step resolves when the app's own flow is complete (its UI says so); waiting for the
 * messenger's traffic to land in the journal is the harness's job, not the subject's.
 */
export interface WebSubject {
  name: string;
  /** The version under test (the app's, or its messenger SDK's): expectations files are keyed by `name@version`. */
  version?: string;
  /** Variants of the app this subject can run, first the correct one. */
  variants: readonly string[];
  /** Built-in messenger profiles this subject can load, first the correct one. */
  profiles: readonly string[];
  /** The Intercom app_id the app boots with, when it is fixed by the app; the mock adopts it. */
  appId?: string;
  /** Files the mock must serve, e.g. a messenger bundle at `/widget`. */
  mockAssets?(): Promise<StaticRoute[]>;
  start(options: WebSubjectOptions): Promise<RunningWebSubject>;
  /** Navigates to the app and resolves once its page-load flow ran. */
  open(page: Page, app: RunningWebSubject): Promise<void>;
  logIn(page: Page, userId: string): Promise<void>;
  logOut(page: Page): Promise<void>;
  /** Opens the messenger and resolves once what it shows is settled. */
  openMessenger(page: Page): Promise<void>;
  /** Sends a message from the open messenger and resolves once it is shown. */
  sendMessage(page: Page, text: string): Promise<void>;
  /** Asks the app to refresh its JWT now and resolves once the app says it did. */
  refreshJwt(page: Page): Promise<void>;
  /** How many background refreshes the app has completed. */
  refreshCount(page: Page): Promise<number>;
}

export interface WebSubjectOptions {
  mockUrl: string;
  appId: string;
  variant: string;
  /** A built-in profile name, or ignored when `profileModule` is given. */
  profile: string;
  /** Path of an ES module whose default export is a messenger profile. */
  profileModule?: string;
  jwtTtlS: number;
  jwtRefreshS: number;
}

export interface RunningWebSubject {
  url: string;
  stop(): Promise<void>;
}
