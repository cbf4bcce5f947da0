/**
 * A steps file: how to drive a team's own web app (served at --web-url) without writing a
 * WebSubject. Its default export says how to sign in as a given user, sign out and refresh the
 * JWT; the harness does the rest (routing Intercom's hosts to the mock, waiting on the journal,
 * opening the messenger and sending through its own UI unless the file says otherwise).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';

/**
 * A step written as selectors: click `click` (one selector, or several in turn), then wait until
 * `waitFor` is visible. `{user}` in either is replaced by the user signing in (logIn only).
 * Selectors are Playwright's (`#id`, `text=Signed in`, `role=button[name="Log out"]`).
 */
export interface SelectorStep {
  click: string | readonly string[];
  waitFor?: string;
}

export type PageStep = ((page: Page) => Promise<void>) | SelectorStep;
export type UserStep = ((page: Page, userId: string) => Promise<void>) | SelectorStep;

export interface WebSteps {
  /** The app's name in the subject id (`<name>@<version>`) and its expectations file; default the URL's host name. */
  name?: string;
  /** The version under test (the app's, or its Intercom integration's); default `unversioned`. */
  version?: string;
  /** The Intercom app_id the app boots with; the mock adopts it. Default: the mock's own (`mockapp1`). */
  appId?: string;
  /** Signs in as `userId` (the mock's users: `alice` or `bob`); resolves once the app says it is signed in. */
  logIn: UserStep;
  /** Signs out; resolves once the app says it is signed out. */
  logOut: PageStep;
  /**
   * Makes the app fetch a new JWT now and hand it to Intercom. Without it, WEB-JWT-REQUIRED-01
   * cannot refresh and ERRORs naming the missing step. When `refreshCount` is given, the harness
   * also waits for the count to grow after this step.
   */
  refreshJwt?: PageStep;
  /**
   * How many background JWT refreshes the app has completed (a function, or `{ count: selector }`
   * reading a number from the page). Without it, WEB-JWT-REFRESH-01 cannot check that the app
   * refreshed and ERRORs naming the missing step.
   */
  refreshCount?: ((page: Page) => Promise<number>) | { count: string };
  /** Opens the messenger; default `Intercom('show')`, then waits for the messenger's settled render. */
  openMessenger?: PageStep;
  /** Sends from the open messenger; default: through the local messenger's composer. */
  sendMessage?: (page: Page, text: string) => Promise<void>;
}

/** Types a steps file: `export default defineWebSteps({ logIn: …, logOut: … })`. */
export function defineWebSteps(steps: WebSteps): WebSteps {
  return steps;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function selectorStepProblem(value: Record<string, unknown>): string | null {
  const click = value['click'];
  const clicks = typeof click === 'string' ? [click] : Array.isArray(click) ? click : null;
  if (!clicks || clicks.length === 0 || clicks.some((selector) => typeof selector !== 'string' || !selector)) return 'its click must be a selector or a list of selectors';
  if ('waitFor' in value && (typeof value['waitFor'] !== 'string' || !value['waitFor'])) return 'its waitFor must be a selector';
  const unknown = Object.keys(value).filter((key) => key !== 'click' && key !== 'waitFor');
  if (unknown.length) return `it has ${unknown.join(', ')}; a selector step has click and waitFor only`;
  return null;
}

/**
 * What is wrong with a steps file's default export, one line per problem (empty when it is
 * usable): logIn and logOut are required, every step is a function or a selector step.
 */
export function webStepsProblems(value: unknown): string[] {
  if (!isRecord(value)) return [`the default export is ${value === undefined ? 'missing' : typeof value}, not a steps object (export default defineWebSteps({ logIn, logOut, … }))`];
  const problems: string[] = [];
  for (const key of ['logIn', 'logOut'] as const) if (!(key in value)) problems.push(`it has no ${key} step (required)`);
  for (const key of ['logIn', 'logOut', 'refreshJwt', 'openMessenger'] as const) {
    const step = value[key];
    if (step === undefined || typeof step === 'function') continue;
    const problem = isRecord(step) ? selectorStepProblem(step) : 'it is neither a function nor { click, waitFor }';
    if (problem) problems.push(`${key}: ${problem}`);
  }
  const count = value['refreshCount'];
  if (count !== undefined && typeof count !== 'function' && !(isRecord(count) && typeof count['count'] === 'string' && Object.keys(count).length === 1)) {
    problems.push('refreshCount: it is neither a function nor { count: selector }');
  }
  if (value['sendMessage'] !== undefined && typeof value['sendMessage'] !== 'function') problems.push('sendMessage: it is not a function (page, text) => Promise<void>');
  for (const key of ['name', 'version', 'appId'] as const) {
    const text = value[key];
    if (text !== undefined && (typeof text !== 'string' || !/^[^@\s/]+$/.test(text))) problems.push(`${key}: ${JSON.stringify(text)} is not a non-empty string without "@", "/" or spaces`);
  }
  const known = new Set(['name', 'version', 'appId', 'logIn', 'logOut', 'refreshJwt', 'refreshCount', 'openMessenger', 'sendMessage']);
  const unknown = Object.keys(value).filter((key) => !known.has(key));
  if (unknown.length) problems.push(`it has ${unknown.join(', ')}, which no step is called (${[...known].join(', ')})`);
  return problems;
}

/** An error as one line with all it says: its name, every line of its message, and its causes. */
export function wholeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const text = current instanceof Error ? `${current.name}: ${current.message}` : String(current);
    parts.push(text.split('\n').map((line) => line.trim()).filter(Boolean).join(' | '));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' (cause: ') + ')'.repeat(parts.length - 1);
}

/**
 * Loads a steps file (TS or JS) by path and checks its default export. Every failure is one line
 * naming the file: one that does not exist, one that throws or does not compile (its whole error),
 * one whose export is not usable (each problem).
 */
export async function loadWebSteps(file: string): Promise<WebSteps> {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`--web-steps ${file}: ${path} does not exist`);
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new Error(`--web-steps ${file} could not be loaded: ${wholeError(error)}`);
  }
  const problems = webStepsProblems(loaded.default);
  if (problems.length) throw new Error(`--web-steps ${file} is not a steps file: ${problems.join('; ')}`);
  return loaded.default as WebSteps;
}
