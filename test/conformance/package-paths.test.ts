/**
 * The project's own files come from its code root, a team's from the working directory: what
 * makes the installed package work from a team's repository (test/package proves it end to end).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { mobileConfigFile } from '../../conformance/mobile-runner.ts';
import { runnerBin } from '../../conformance/runner-bins.ts';
import { CODE_EXT, CODE_ROOT, PACKAGE_ROOT } from '../../harness/code-root.ts';
import { DEFAULT_WEB_SUBJECT, webSubjectFile } from '../../harness/web/subject-loader.ts';

const repo = process.cwd();
const team = mkdtempSync(join(tmpdir(), 'conformance-paths-'));
after(() => {
  process.chdir(repo);
  rmSync(team, { recursive: true, force: true });
});

describe("the project's files and the team's", () => {
  it('in the repository, the code root is the repository and its modules are TypeScript', () => {
    assert.equal(CODE_ROOT, repo);
    assert.equal(PACKAGE_ROOT, repo);
    assert.equal(CODE_EXT, '.ts');
  });

  it("resolves the bundled subject and configs from the code root, the team's from its working directory", () => {
    process.chdir(team);
    writeFileSync(join(team, 'wdio.ios.conf.ts'), '// the team’s own');
    assert.equal(webSubjectFile(DEFAULT_WEB_SUBJECT), join(CODE_ROOT, 'subjects', 'web-app', 'index.ts'));
    assert.equal(webSubjectFile('my-subject.ts'), resolve(team, 'my-subject.ts'));
    assert.equal(mobileConfigFile('wdio.conf.ts'), join(CODE_ROOT, 'wdio.conf.ts'));
    assert.equal(mobileConfigFile('wdio.android.conf.ts'), join(CODE_ROOT, 'wdio.android.conf.ts'), 'a bundled name the team lacks');
    assert.equal(mobileConfigFile('wdio.ios.conf.ts'), 'wdio.ios.conf.ts', "the team's own file of that name");
    assert.equal(mobileConfigFile('configs/mine.conf.ts'), 'configs/mine.conf.ts');
    process.chdir(repo);
  });

  it("finds the runners' command-line scripts from the project's dependencies, not the working directory", () => {
    process.chdir(team);
    assert.equal(runnerBin('@playwright/test', 'playwright'), join(repo, 'node_modules', '@playwright', 'test', 'cli.js'));
    assert.equal(runnerBin('@wdio/cli', 'wdio'), join(repo, 'node_modules', '@wdio', 'cli', 'bin', 'wdio.js'));
    assert.throws(() => runnerBin('commander', 'commander'), /commander has no "commander" command/);
    process.chdir(repo);
  });
});
