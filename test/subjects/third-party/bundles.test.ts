import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { WebSubjectOptions } from '../../../harness/web/subject.ts';
import { page as sdkPage } from '../../../subjects/third-party/messenger-js-sdk/index.ts';
import { appConfig, bundlePage, type ThirdPartyPage } from '../../../subjects/third-party/page-server.ts';
import { reactUseIntercomPage } from '../../../subjects/third-party/react-use-intercom/subject.ts';
import { page as snippetPage } from '../../../subjects/third-party/snippet/index.ts';
import { INTERCOM_SNIPPET, SNIPPET_VERSION } from '../../../subjects/third-party/snippet/snippet.ts';

const MOCK = 'http://127.0.0.1:65000';
const options: WebSubjectOptions = { mockUrl: MOCK, appId: 'app-under-test', variant: 'correct', profile: 'correct', jwtTtlS: 300, jwtRefreshS: 240 };

const PAGES: [string, ThirdPartyPage][] = [
  ['snippet', snippetPage],
  ['messenger-js-sdk', sdkPage],
  ['react-use-intercom@5.8.0', reactUseIntercomPage('react-use-intercom')],
  ['react-use-intercom@1.5.2', reactUseIntercomPage('react-use-intercom-1.5.2')],
];

/** What the browser gets: the page's HTML and its bundled script. */
async function served(page: ThirdPartyPage): Promise<{ html: string; script: string }> {
  return { html: page.html(appConfig(options), '<script src="/app.js"></script>'), script: await bundlePage(page) };
}

describe('third-party subjects: bundled from the pinned packages, talking to Intercom as shipped', () => {
  for (const [name, page] of PAGES) {
    it(`${name}: its page reaches the mock only as the app's backend, and Intercom only at its real hosts`, async () => {
      const { html, script } = await served(page);
      const both = `${html}\n${script}`;
      assert.ok(!script.includes('127.0.0.1'), 'the bundle names no local address');
      const mockMentions = html.split(MOCK).slice(1);
      assert.ok(mockMentions.length > 0 && mockMentions.every((rest) => rest.startsWith('/app-backend')), `the mock appears only as ${MOCK}/app-backend`);
      const apiBases = [...both.matchAll(/api_base["']?\s*:\s*["']([^"']+)["']/g)].map((match) => match[1]);
      for (const base of apiBases) assert.match(base!, /^https:\/\/api-iam(\.eu|\.au)?\.intercom\.io$/, 'every api_base is a real Intercom host');
      assert.ok(both.includes('https://widget.intercom.io/widget/'), 'the widget comes from the real widget URL');
    });
  }

  it('the apps hand the libraries no override of Intercom\'s hosts (api_base, apiBase, widgetUrl)', () => {
    for (const source of ['subjects/third-party/messenger-js-sdk/app.js', 'subjects/third-party/react-use-intercom/app.ts']) {
      const code = readFileSync(source, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.doesNotMatch(code, /api_?base|widgetUrl/i, source);
    }
  });

  it('snippet: the page carries Intercom\'s snippet verbatim, and the subject id is its hash', async () => {
    const { html, script } = await served(snippetPage);
    assert.ok(html.includes(`<script>${INTERCOM_SNIPPET}</script>`));
    assert.equal(SNIPPET_VERSION, `sha256-${createHash('sha256').update(INTERCOM_SNIPPET).digest('hex').slice(0, 8)}`);
    // The seed report's settings, exactly: its api_base and session_duration.
    assert.match(script, /api_base: "https:\/\/api-iam\.intercom\.io",\s*app_id: config\.appId,\s*intercom_user_jwt: token,\s*session_duration: 864e5/);
  });

  it('messenger-js-sdk: the bundle is the package\'s own loader, region hosts and all', async () => {
    const { script } = await served(sdkPage);
    for (const marker of ['_intercom_npm_loader', 'npm-package', 'https://api-iam.eu.intercom.io', 'https://api-iam.au.intercom.io']) assert.ok(script.includes(marker), marker);
  });

  it('react-use-intercom: one app, two library versions in the two bundles', async () => {
    const current = (await served(reactUseIntercomPage('react-use-intercom'))).script;
    const old = (await served(reactUseIntercomPage('react-use-intercom-1.5.2'))).script;
    // 5.8.0 maps intercomUserJwt and listens for onUserEmailSupplied; 1.5.2 has neither.
    for (const marker of ['onUserEmailSupplied', 'intercomUserJwt']) {
      assert.ok(current.includes(marker), `5.8.0 bundle has ${marker}`);
      assert.ok(!old.includes(marker), `1.5.2 bundle lacks ${marker}`);
    }
  });

  it('every library is pinned to an exact version in package.json', () => {
    const { devDependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    assert.equal(devDependencies['@intercom/messenger-js-sdk'], '0.0.20');
    assert.equal(devDependencies['react-use-intercom'], '5.8.0');
    assert.equal(devDependencies['react-use-intercom-1.5.2'], 'npm:react-use-intercom@1.5.2');
    for (const name of ['react', 'react-dom']) assert.match(devDependencies[name]!, /^\d+\.\d+\.\d+$/, `${name} exact`);
  });
});
