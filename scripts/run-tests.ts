/**
 * `npm test`: runs every test runner of the project, streams their output, and ends with one
 * line `N passed, N failed, N skipped` totalling all of them. Exits non-zero on any failure or
 * when a runner ran no test at all.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

interface Tally {
  runner: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number | null;
}

const REPORTS = 'reports/test';
mkdirSync(REPORTS, { recursive: true });

function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    child.on('close', resolve);
  });
}

/**
 * Test files node:test runs at once. Most files wait on child processes, sockets and timers more
 * than they compute, so on 2 cores more than 2 at a time still shortens the run; node's default
 * (cores - 1) runs one file at a time there.
 */
const TEST_CONCURRENCY = 3;

/** The files that take longest, started first so they overlap the short ones instead of ending the run alone. */
const SLOWEST_FIRST = ['test/package/install.test.ts', 'test/conformance/cli-gate.test.ts', 'test/mobile-sim/driver.test.ts', 'test/harness-web/browser-setup.test.ts'];

function testFiles(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(dir, file))
    .sort();
  const rank = (file: string): number => (SLOWEST_FIRST.includes(file) ? SLOWEST_FIRST.indexOf(file) : SLOWEST_FIRST.length);
  return files.sort((a, b) => rank(a) - rank(b));
}

/** node:test — spec reporter for people, TAP summary to a file for the tally. */
async function nodeTests(): Promise<Tally> {
  const tap = join(REPORTS, 'node-test.tap');
  const exitCode = await run(process.execPath, [
    '--import', 'tsx', '--test', `--test-concurrency=${TEST_CONCURRENCY}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...testFiles('test'),
  ]);
  const summary = readFileSync(tap, 'utf8');
  const count = (name: string): number => Number(summary.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {
    runner: 'node:test',
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
    exitCode,
  };
}

/**
 * The self-test matrix (`conformance --matrix`, web and mobile in one process): each cell × check
 * is one test, passed when its verdict matches the expected-verdict tables. The run writes each
 * platform's counts to kill-table.json.
 */
async function selfTestMatrix(tables: { runner: string; file: string }[]): Promise<Tally[]> {
  for (const table of tables) rmSync(table.file, { force: true });
  const exitCode = await run(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '--matrix']);
  return tables.map(({ runner, file }) => {
    if (!existsSync(file)) return { runner, passed: 0, failed: 1, skipped: 0, exitCode };
    const { passed, failed } = JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number };
    return { runner, passed, failed, skipped: 0, exitCode };
  });
}

/** The browser the web tests and the web matrix need, obtained first when there is none. */
async function browserSetup(): Promise<Tally | null> {
  const exitCode = await run(process.execPath, ['--import', 'tsx', 'harness/web/setup-browser.ts']);
  return exitCode === 0 ? null : { runner: 'browser set-up', passed: 0, failed: 1, skipped: 0, exitCode };
}

const setup = await browserSetup();
const tallies: Tally[] = setup ? [setup] : [];
tallies.push(await nodeTests());
tallies.push(
  ...(await selfTestMatrix([
    { runner: 'web matrix', file: 'reports/self-test/web/kill-table.json' },
    { runner: 'mobile matrix', file: 'reports/self-test/mobile/kill-table.json' },
  ])),
);

console.log('');
for (const tally of tallies) {
  console.log(`${tally.runner.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (exit ${tally.exitCode})`);
}
const total = tallies.reduce((sum, tally) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }), { passed: 0, failed: 0, skipped: 0 });
const brokenRunner = tallies.find((tally) => tally.exitCode !== 0 || tally.passed + tally.failed === 0);
if (brokenRunner && total.failed === 0) total.failed += 1;
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
