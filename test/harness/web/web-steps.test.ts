/**
 * Steps files for --web-steps: what a usable one is, and that each unusable one is refused in one
 * line naming the file and what is wrong; the app's URL is refused when it does not answer.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { loadWebSteps, webStepsProblems } from '../../../harness/web/web-steps.ts';
import { answeringUrl } from '../../../subjects/steps-app/steps-subject.ts';

const FIXTURES = 'test/fixtures/steps';

async function listening(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('a steps file', () => {
  it('is usable with logIn and logOut as selector steps or functions, and the optional steps', () => {
    assert.deepEqual(webStepsProblems({ logIn: { click: '#login-{user}', waitFor: 'text=Signed in as {user}' }, logOut: async () => {} }), []);
    assert.deepEqual(
      webStepsProblems({ name: 'my-app', version: '2.4.1', appId: 'abc123', logIn: async () => {}, logOut: { click: ['#menu', '#logout'] }, refreshJwt: { click: '#refresh' }, refreshCount: { count: '#n' }, openMessenger: { click: '#help' }, sendMessage: async () => {} }),
      [],
    );
  });

  it('names each missing required step and each malformed one', () => {
    assert.deepEqual(webStepsProblems({ logIn: { click: '#a' } }), ['it has no logOut step (required)']);
    assert.deepEqual(webStepsProblems({}), ['it has no logIn step (required)', 'it has no logOut step (required)']);
    assert.deepEqual(webStepsProblems({ logIn: { click: '' }, logOut: { click: '#o', wait: 'x' } }), [
      'logIn: its click must be a selector or a list of selectors',
      'logOut: it has wait; a selector step has click and waitFor only',
    ]);
    assert.deepEqual(webStepsProblems({ logIn: 'click #a', logOut: async () => {}, refreshCount: '#n', version: 'a b', logout: 1 }), [
      'logIn: it is neither a function nor { click, waitFor }',
      'refreshCount: it is neither a function nor { count: selector }',
      'version: "a b" is not a non-empty string without "@", "/" or spaces',
      'it has logout, which no step is called (name, version, appId, logIn, logOut, refreshJwt, refreshCount, openMessenger, sendMessage)',
    ]);
    assert.match(webStepsProblems(undefined)[0]!, /the default export is missing, not a steps object/);
  });

  it('loads by path (TS or JS) and refuses one that lacks a step, throws, does not compile or does not exist, in one line', async () => {
    const steps = await loadWebSteps('examples/web-url/steps.ts');
    assert.equal(steps.name, 'example-web-url');
    await assert.rejects(loadWebSteps(`${FIXTURES}/no-logout.mjs`), { message: `--web-steps ${FIXTURES}/no-logout.mjs is not a steps file: it has no logOut step (required)` });
    await assert.rejects(loadWebSteps(`${FIXTURES}/throws.mjs`), { message: `--web-steps ${FIXTURES}/throws.mjs could not be loaded: Error: APP_BASE_URL is not set | set it to the app under test` });
    await assert.rejects(loadWebSteps(`${FIXTURES}/broken.ts`), (error: Error) => {
      assert.match(error.message, /^--web-steps test\/fixtures\/steps\/broken\.ts could not be loaded: .*broken\.ts:2:\d+/);
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });
    await assert.rejects(loadWebSteps(`${FIXTURES}/nope.ts`), /--web-steps test\/fixtures\/steps\/nope\.ts: .*nope\.ts does not exist/);
  });
});

describe('the app URL', () => {
  it('is accepted when it answers, refused naming the URL and the error when it does not', async () => {
    const ok = await listening((_req, res) => res.end('<html></html>'));
    const missing = await listening((_req, res) => res.writeHead(404, 'Not Found').end());
    const closed = await listening(() => {});
    await new Promise((resolve) => closed.server.close(resolve));
    try {
      assert.equal((await answeringUrl(ok.url)).href, ok.url);
      await assert.rejects(answeringUrl(missing.url), { message: `--web-url ${missing.url} answered 404 Not Found; give the URL of the page that loads Intercom` });
      await assert.rejects(answeringUrl(closed.url), new RegExp(`Error: --web-url ${closed.url} did not answer: TypeError: fetch failed \\(cause: .*ECONNREFUSED`));
      await assert.rejects(answeringUrl('127.0.0.1:3000'), /--web-url 127\.0\.0\.1:3000 is not an http\(s\) URL|is not a URL/);
    } finally {
      ok.server.close();
      missing.server.close();
    }
  });
});
