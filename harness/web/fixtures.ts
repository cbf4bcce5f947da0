import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, expect as baseExpect } from '@playwright/test';
import * as allure from 'allure-js-commons';
import { createMockServer, type RunningMockServer } from '../../mock-server/index.ts';
import type { StaticRoute } from '../../mock-server/types.ts';
import { MockAdminClient } from '../admin-client.ts';
import { checkDetails, checkIdOfAnnotations, registerCheck, registeredCheck, type Check } from '../check.ts';
import { jwtTimeline } from '../jwt-timeline.ts';
import { jwtTimelinePicture } from '../jwt-timeline-picture.ts';
import { seqsNamedIn } from '../oracles/index.ts';
import { identityMatchers } from '../matchers.ts';
import { clientState } from './evidence.ts';
import { IntercomRouting } from './intercom-routing.ts';
import { DEFAULT_WEB_SUBJECT, loadWebSubject } from './subject-loader.ts';
import type { RunningWebSubject, WebSubject } from './subject.ts';
import { WebSession } from './web-session.ts';

export interface WebWorkerOptions {
  /** The subject: a bundled one by name or a module path (WEB_SUBJECT); default the reference app. */
  webSubject: string;
  /** Time each messenger request spends in transit to the mock, in ms (WEB_LATENCY_MS): a slow network. */
  webLatencyMs: number;
  /** App variant of the subject (WEB_VARIANT); the first of `subject.variants` is the correct one. */
  webVariant: string;
  /** Messenger profile (WEB_PROFILE), or a module path (WEB_PROFILE_MODULE). */
  webProfile: string;
  webProfileModule: string | undefined;
  jwtTtlS: number;
  jwtRefreshS: number;
}

interface WebWorkerFixtures extends WebWorkerOptions {
  subject: WebSubject;
  mock: RunningMockServer;
  admin: MockAdminClient;
  app: RunningWebSubject;
}

interface WebTestFixtures {
  web: WebSession;
  /**
   * The browser routing of Intercom's hosts to the mock (on in every test): answers the widget
   * loader with the local messenger, numbers every messenger request in send order, and sees the
   * page's `Intercom('boot' | 'update' | 'shutdown')` calls. A team's own specs get it by using `test`.
   */
  intercom: IntercomRouting;
  /** Labels the running test with the check it declared (`declareCheck`) in the Allure report (on in every test). */
  checkLabels: void;
  /** Resets the mock before each test and attaches the evidence after it. */
  evidence: void;
}

/**
 * What the mock serves besides its API: the subject's assets, and the local messenger at
 * `/widget` that the routing answers Intercom's widget loader with. A subject that brings no
 * messenger of its own (an app written for production Intercom) gets the bundled one.
 */
async function messengerAssets(subject: WebSubject): Promise<StaticRoute[]> {
  const own = (await subject.mockAssets?.()) ?? [];
  if (own.some((route) => route.path === '/widget')) return own;
  const bundled = await loadWebSubject(DEFAULT_WEB_SUBJECT);
  return [...own, ...((await bundled.mockAssets?.()) ?? []).filter((route) => route.path === '/widget')];
}

/**
 * The secret the mock verifies JWTs with when the app signs its own (--mock-secret-env names the
 * variable holding it, passed as WEB_MOCK_SECRET_ENV); else the mock's default.
 */
function mockSecret(): { primarySecret?: string } {
  const name = process.env['WEB_MOCK_SECRET_ENV'];
  if (!name) return {};
  const secret = process.env[name];
  if (!secret) throw new Error(`WEB_MOCK_SECRET_ENV names ${name}, which is not set (or empty): export the secret your app signs its JWTs with as ${name}`);
  return { primarySecret: secret };
}

const envNumber = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);

export const test = base.extend<WebTestFixtures, WebWorkerFixtures>({
  webSubject: [process.env['WEB_SUBJECT'] ?? DEFAULT_WEB_SUBJECT, { option: true, scope: 'worker' }],
  webLatencyMs: [envNumber('WEB_LATENCY_MS', 0), { option: true, scope: 'worker' }],
  webVariant: [process.env['WEB_VARIANT'] ?? 'correct', { option: true, scope: 'worker' }],
  webProfile: [process.env['WEB_PROFILE'] ?? 'correct', { option: true, scope: 'worker' }],
  webProfileModule: [process.env['WEB_PROFILE_MODULE'], { option: true, scope: 'worker' }],
  jwtTtlS: [envNumber('JWT_TTL_S', 300), { option: true, scope: 'worker' }],
  jwtRefreshS: [envNumber('JWT_REFRESH_S', 240), { option: true, scope: 'worker' }],

  subject: [async ({ webSubject }, use) => use(await loadWebSubject(webSubject)), { scope: 'worker' }],

  mock: [
    async ({ subject }, use, workerInfo) => {
      const dir = resolve(process.env['WEB_REPORTS_DIR'] ?? 'reports/web', 'mock');
      mkdirSync(dir, { recursive: true });
      const mock = await createMockServer({
        port: 0,
        // A team's backend signs its JWTs on the real clock while the refresh check moves the mock's.
        foreignTokenTime: 'from-first-use',
        // An app that boots with its own app_id (a team's app at --web-url) gets a mock of that workspace.
        ...(subject.appId ? { appId: subject.appId } : {}),
        ...mockSecret(),
        staticRoutes: await messengerAssets(subject),
        spillFile: join(dir, `journal-spill-${workerInfo.project.name.replace(/\W+/g, '_')}-${workerInfo.workerIndex}.ndjson`),
      });
      await use(mock);
      await mock.close();
    },
    { scope: 'worker' },
  ],

  admin: [async ({ mock }, use) => use(new MockAdminClient(mock.url)), { scope: 'worker' }],

  app: [
    async ({ subject, mock, webVariant, webProfile, webProfileModule, jwtTtlS, jwtRefreshS }, use) => {
      const app = await subject.start({
        mockUrl: mock.url,
        appId: mock.appId,
        variant: webVariant,
        profile: webProfile,
        ...(webProfileModule ? { profileModule: resolve(webProfileModule) } : {}),
        jwtTtlS,
        jwtRefreshS,
      });
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],

  evidence: [
    async ({ admin, page, subject, intercom }, use, testInfo) => {
      await admin.reset();
      await use();
      // Written as files, not bodies: the JSON report then names them, and the conformance run links them.
      const attach = async (name: string, body: string | Buffer, contentType: string): Promise<void> => {
        const path = testInfo.outputPath(name);
        writeFileSync(path, body);
        await testInfo.attach(name, { path, contentType });
      };
      const records = await admin.requests();
      const issued = await admin.issuedTokens();
      const marks = await admin.marks();
      await attach('jwt-timeline.txt', jwtTimeline(records, issued, marks), 'text/plain');
      // The picture rings the requests the failure names, so the eye lands on them first.
      const failures = testInfo.errors.map((error) => error.message ?? '');
      const picture = jwtTimelinePicture({ records, issued, marks, title: `${checkIdOfAnnotations(testInfo.annotations) ?? testInfo.title} · web · ${subject.name}`, highlight: seqsNamedIn(failures) });
      await attach('jwt-timeline.svg', picture, 'image/svg+xml');
      await attach('journal.ndjson', records.map((record) => JSON.stringify(record)).join('\n'), 'application/x-ndjson');
      await attach('intercom-calls.json', JSON.stringify({ calls: intercom.calls, failed_requests: intercom.failures }, null, 2), 'application/json');
      if (!page.isClosed()) {
        await attach('screenshot.png', await page.screenshot(), 'image/png');
        const state = await clientState(page).catch(() => []);
        await attach('client-state.json', JSON.stringify(state, null, 2), 'application/json');
      }
    },
    { auto: true },
  ],

  intercom: [
    async ({ context, mock, admin, webProfile, webProfileModule, webLatencyMs }, use) => {
      const profile = webProfileModule ? { moduleFile: resolve(webProfileModule) } : { name: webProfile };
      await use(await IntercomRouting.install(context, { mockUrl: mock.url, admin, profile, latencyMs: webLatencyMs }));
    },
    { auto: true },
  ],

  web: async ({ page, subject, app, admin, intercom }, use) => {
    await use(new WebSession(page, subject, app, admin, intercom));
  },

  checkLabels: [
    async ({ subject, webVariant, webProfile, webProfileModule }, use, testInfo) => {
      const id = checkIdOfAnnotations(testInfo.annotations);
      const check = id ? registeredCheck(id) : undefined;
      if (check) {
        await allure.allureId(check.id);
        await allure.label('check', check.id);
        await allure.epic('Identity conformance');
        await allure.feature('web');
        await allure.story(`${check.id}: ${check.title}`);
        await allure.description(`${check.statement}\n\nSource: ${check.source}\n\nEvidence: ${check.evidence.join(', ')}`);
        await allure.parameter('subject', subject.name);
        await allure.parameter('variant', webVariant);
        await allure.parameter('profile', webProfileModule ?? webProfile);
      }
      await use();
    },
    { auto: true },
  ],
});

export const expect = baseExpect.extend(identityMatchers);

/**
 * A check's test, declared once: `test(...declareCheck(WEB_LOGOUT_01), async ({ web }) => { … })`.
 * Gives the test its title from the check, the tag `@<ID>` (what the conformance run selects by)
 * and the `check` annotation (what it reads back from the results), and registers the check so
 * the Allure labels name it. The spec calls `test` itself, so Playwright reports the spec's file.
 */
export function declareCheck(check: Check): [title: string, details: ReturnType<typeof checkDetails>] {
  registerCheck(check);
  return [check.title, checkDetails(check)];
}
