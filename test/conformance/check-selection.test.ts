/**
 * Checks are tied to their tests by data, not by strings: each spec declares its check once, the
 * runners select by it (Playwright by the `@<ID>` tag, WDIO by the spec file the check names) and
 * read it back from the results. These fail when a spec and the catalogue drift apart.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CATALOG } from '../../conformance/check-catalog.ts';
import { mobileSpecFiles } from '../../conformance/mobile-runner.ts';
import { runnerBin } from '../../conformance/runner-bins.ts';
import { checkGrep, checkOfTest } from '../../harness/check.ts';
import { CODE_ROOT, codeFile } from '../../harness/code-root.ts';
import type { PlaywrightJsonReport } from '../../harness/web/playwright-results.ts';

const idsOn = (platform: 'web' | 'android'): string[] => CATALOG.filter((entry) => entry.platforms.includes(platform)).map((entry) => entry.check.id);

/** What Playwright would run for a grep: each test's title, tags and `check` annotation. */
function listed(grep: string): { title: string; tags: string[]; check: string | undefined }[] {
  const out = execFileSync(process.execPath, [runnerBin('@playwright/test', 'playwright'), 'test', '--config', codeFile('playwright.config'), '--list', '--reporter=json', '--grep', grep], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const report = JSON.parse(out) as PlaywrightJsonReport;
  const tests: { title: string; tags: string[]; check: string | undefined }[] = [];
  const walk = (suite: PlaywrightJsonReport['suites'][number]): void => {
    for (const spec of suite.specs ?? []) for (const test of spec.tests) tests.push({ title: spec.title, tags: spec.tags ?? [], check: test.annotations?.find((annotation) => annotation.type === 'check')?.description });
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return tests;
}

describe('web checks as Playwright tags', () => {
  it('every web check has exactly one test, tagged and annotated with its ID and titled by it', () => {
    const tests = listed(checkGrep(idsOn('web')));
    assert.deepEqual(tests.map((test) => test.check).sort(), idsOn('web').sort());
    for (const test of tests) {
      const entry = CATALOG.find((candidate) => candidate.check.id === test.check)!;
      assert.deepEqual(test.tags, [test.check]);
      assert.equal(test.title, entry.check.title);
    }
  });

  it('a selection by tag runs only the selected check', () => {
    assert.deepEqual(listed(checkGrep(['WEB-JWT-REFRESH-01'])).map((test) => test.check), ['WEB-JWT-REFRESH-01']);
  });
});

describe('mobile checks as spec files', () => {
  it('every mobile check names its spec file, and every mobile spec file belongs to one check', () => {
    const files = mobileSpecFiles(idsOn('android'));
    const onDisk = readdirSync(join(CODE_ROOT, 'specs', 'mobile')).filter((file) => file.endsWith('.spec.ts')).map((file) => join(CODE_ROOT, 'specs', 'mobile', file));
    assert.deepEqual([...files].sort(), onDisk.sort());
    assert.throws(() => mobileSpecFiles(['WEB-LOGOUT-01']), /WEB-LOGOUT-01 names no mobile spec file: give it `mobileSpec`/);
  });

  it("each mobile spec file declares the check that names it, so the results reporter reads it back", async () => {
    // Mocha's globals, as WDIO gives a spec file: the spec declares its test at load.
    const titles: string[] = [];
    const globals = globalThis as Record<string, unknown>;
    const saved = ['describe', 'it', 'before'].map((name) => [name, globals[name]] as const);
    globals['describe'] = (_title: string, body: () => void) => body();
    globals['it'] = (title: string) => (titles.push(title), {});
    globals['before'] = () => undefined;
    try {
      for (const entry of CATALOG.filter((candidate) => candidate.check.mobileSpec)) {
        titles.length = 0;
        await import(pathToFileURL(mobileSpecFiles([entry.check.id])[0]!).href);
        assert.deepEqual(titles, [entry.check.title], `${entry.check.mobileSpec}.spec.ts`);
        assert.equal(checkOfTest(entry.check.title)?.id, entry.check.id);
      }
    } finally {
      for (const [name, value] of saved) globals[name] = value;
    }
  });
});
