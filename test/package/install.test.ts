/**
 * The package as a team installs it: `npm pack` (which builds dist/), `npm install` of the tarball
 * into a fresh project outside the repository, then the installed command line: --list, init,
 * the bundled default (web and the simulated Android device), and a subject module of the team's
 * own that imports the harness by package name, judged with the team's expectations file; the
 * team's TypeScript is type-checked against the shipped declarations, every entry point loads as
 * plain JavaScript, and a team's own Playwright spec runs on the package's fixtures. One install serves every
 * case; everything lives under one temporary folder, removed at the end.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPO = process.cwd();
const BIN = 'intercom-identity-conformance';
const scratch = mkdtempSync(join(tmpdir(), 'identity-package-'));
const project = join(scratch, 'team-app');

interface Ran {
  status: number | null;
  output: string;
}

/** npm's own settings from `npm test` (its prefix among them) must not steer the team project's npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) delete env[key];
  for (const key of ['INIT_CWD', 'WEB_SUBJECT', 'WEB_VARIANT', 'WEB_PROFILE', 'WEB_PROFILE_MODULE', 'MOBILE_PROFILE', 'MOBILE_PROFILE_MODULE', 'APPIUM_HOME']) delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Ran {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout}${result.stderr}${result.error ? `\n${result.error.message}` : ''}` };
}

// As a team types it; npx takes the options after the command's name as the command's.
const cli = (...args: string[]): Ran => run('npx', [BIN, ...args], project, 150_000);
const tail = (ran: Ran): string => ran.output.split('\n').slice(-40).join('\n');

interface Report {
  exit_code: number;
  subjects: { id: string }[];
  expectations: { files: string[] };
  verdicts: { check: string; platform: string; outcome: string; gate: string; subject: string }[];
  reports: { allure: string | null };
}
const report = (): Report => JSON.parse(readFileSync(join(project, 'reports', 'conformance.json'), 'utf8')) as Report;

describe('the installed package, in a team project outside the repository', { timeout: 480_000 }, () => {
  before(() => {
    // The build that `npm pack` runs as prepack, done here so the pack itself runs no scripts:
    // its `prepare` would rebuild the simulated driver under tests that are using it.
    const built = run('npm', ['run', 'build'], REPO, 180_000);
    assert.equal(built.status, 0, tail(built));
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch], REPO, 180_000);
    assert.equal(packed.status, 0, tail(packed));
    const filename = readdirSync(scratch).find((file) => file.endsWith('.tgz'));
    assert.ok(filename, `npm pack wrote no tarball into ${scratch}:\n${tail(packed)}`);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'team-app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
    const installed = run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, filename)], project, 240_000);
    assert.equal(installed.status, 0, tail(installed));
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('ships the compiled code only, and the command lists the checks', () => {
    const installed = join(project, 'node_modules', BIN);
    assert.ok(existsSync(join(installed, 'dist', 'conformance', 'cli.js')));
    assert.ok(!existsSync(join(installed, 'conformance', 'cli.ts')), 'the TypeScript sources stay out of the package');
    const listed = cli('--list');
    assert.equal(listed.status, 0, tail(listed));
    assert.match(listed.output, /^WEB-LOGOUT-01 +web +/m);
    assert.match(listed.output, /^MOB-JWT-ORDER-01 +Android, iOS +/m);
  });

  it('init writes a starter subject, expectations/ and a CI workflow, and a second init refuses to overwrite them', () => {
    const first = cli('init');
    assert.equal(first.status, 0, tail(first));
    for (const file of ['identity-conformance/web-subject.ts', 'expectations/README.md', '.github/workflows/identity-conformance.yml']) assert.ok(existsSync(join(project, file)), `${file} written`);
    assert.match(readFileSync(join(project, 'identity-conformance/web-subject.ts'), 'utf8'), /from 'intercom-identity-conformance\/web'/);
    assert.match(readFileSync(join(project, '.github/workflows/identity-conformance.yml'), 'utf8'), /run: npx intercom-identity-conformance /);
    const second = cli('init');
    assert.equal(second.status, 2, tail(second));
    assert.match(second.output, /writes nothing, because these exist: identity-conformance\/web-subject\.ts, expectations\/README\.md, \.github\/workflows\/identity-conformance\.yml/);
  });

  it("type-checks the team's modules against the shipped declarations, and catches a wrong one", () => {
    writeFileSync(
      join(project, 'team-subject.ts'),
      [
        "import type { WebSubject } from 'intercom-identity-conformance/web';",
        "import { MockAdminClient } from 'intercom-identity-conformance';",
        "import bundled from 'intercom-identity-conformance/reference-web-app';",
        '',
        '// The bundled reference app under the team\'s own name and version; the admin client proves a runtime import.',
        "const subject: WebSubject = { ...bundled, name: 'team-web-app', version: '9.9.9' };",
        'export const adminClient = MockAdminClient;',
        'export default subject;',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, types: [], skipLibCheck: true }, include: ['*.ts', 'identity-conformance/*.ts'] }),
    );
    // One tsc run over the team's modules and a wrong one: the wrong one's error, and no other, proves both.
    writeFileSync(join(project, 'wrong.ts'), "import type { WebSubject } from 'intercom-identity-conformance/web';\nexport const id: number = ({} as WebSubject).name;\n");
    const tsc = createRequire(join(REPO, 'package.json')).resolve('typescript/bin/tsc');
    const checked = run(process.execPath, [tsc, '-p', '.'], project, 120_000);
    rmSync(join(project, 'wrong.ts'));
    assert.equal(checked.status, 2, tail(checked));
    assert.deepEqual(
      checked.output.split('\n').filter((line) => /error TS\d+/.test(line)),
      ["wrong.ts(2,14): error TS2322: Type 'string' is not assignable to type 'number'."],
      tail(checked),
    );
  });

  it('every entry point loads as plain JavaScript, and a team\'s own Playwright spec runs on the package\'s fixtures', () => {
    const entries = ['', '/web', '/mobile', '/mock', '/reference-web-app', '/messenger-hooks'].map((entry) => `'${BIN}${entry}'`);
    const loaded = run(process.execPath, ['--input-type=module', '-e', `for (const name of [${entries.join(', ')}]) console.log(name, Object.keys(await import(name)).length > 0);`], project, 60_000);
    assert.equal(loaded.status, 0, tail(loaded));
    assert.equal(loaded.output.trim().split('\n').filter((line) => line.endsWith(' true')).length, entries.length, loaded.output);

    mkdirSync(join(project, 'e2e'));
    writeFileSync(
      join(project, 'playwright.config.ts'),
      "import { defineConfig } from '@playwright/test';\nimport { chromiumLaunchOptions } from 'intercom-identity-conformance/web';\nexport default defineConfig({ testDir: 'e2e', reporter: 'line', use: { launchOptions: chromiumLaunchOptions() } });\n",
    );
    writeFileSync(
      join(project, 'e2e', 'team.spec.ts'),
      [
        "import { expect, test } from 'intercom-identity-conformance/web';",
        '',
        "test('our logout sends nothing of alice', async ({ web, admin }) => {",
        '  await web.open();',
        "  await web.logIn('alice');",
        '  await web.openMessenger();',
        "  await web.mark('logout');",
        '  await web.logOut();',
        '  await web.reload();',
        '  await web.openMessenger();',
        '  expect((await admin.health()).ok).toBe(true);',
        "  expect(await web.records('logout')).toCarryNoTraceOf(await web.user('alice'));",
        '});',
        '',
      ].join('\n'),
    );
    const spec = run('npx', ['playwright', 'test'], project, 120_000);
    rmSync(join(project, 'playwright.config.ts'));
    assert.equal(spec.status, 0, tail(spec));
    assert.match(spec.output, /1 passed/);
  });

  it('runs the bundled default on the web and the simulated Android device, reports in the project', () => {
    const ran = cli('-p', 'web,android', '-c', 'WEB-LOGOUT-01,MOB-LOGOUT-01');
    assert.equal(ran.status, 0, tail(ran));
    const json = report();
    assert.deepEqual(json.subjects.map((subject) => subject.id), ['reference-web-app@0.1.0', 'intercom-sim@0.1.0']);
    assert.deepEqual(json.verdicts.map((verdict) => `${verdict.check} ${verdict.platform} ${verdict.outcome}`), ['WEB-LOGOUT-01 web pass', 'MOB-LOGOUT-01 android pass']);
    assert.ok(json.reports.allure && existsSync(join(project, json.reports.allure)), 'the Allure report is in the project');
  });

  it("runs a team's own subject module, held to the team's expectations file", () => {
    mkdirSync(join(project, 'expectations'), { recursive: true });
    writeFileSync(
      join(project, 'expectations', 'team-web-app+logout-reload-only+queued-shutdown-noop@9.9.9.json'),
      JSON.stringify({
        subject: 'team-web-app+logout-reload-only+queued-shutdown-noop@9.9.9',
        known_failures: [{ check: 'WEB-LOGOUT-01', reason: 'the seed fault: the queued page-load shutdown is dropped', link: 'https://developers.intercom.com/installing-intercom/web/methods' }],
      }),
    );
    const ran = cli('-p', 'web', '--web-subject', 'team-subject.ts', '--web-variant', 'logout-reload-only', '--web-profile', 'queued-shutdown-noop', '-c', 'WEB-LOGOUT-01', '--no-allure');
    assert.equal(ran.status, 0, tail(ran));
    const json = report();
    assert.deepEqual(json.expectations.files, ['expectations/team-web-app+logout-reload-only+queued-shutdown-noop@9.9.9.json']);
    assert.deepEqual(json.verdicts.map((verdict) => `${verdict.check} ${verdict.subject} ${verdict.outcome} ${verdict.gate}`), ['WEB-LOGOUT-01 team-web-app+logout-reload-only+queued-shutdown-noop@9.9.9 fail known-failure']);
  });
});
