/**
 * `npm test` (node:test, every file under test/) and `npm run self-test` (`--matrix`: the
 * self-test matrix, every bundled fault and corpus cell against every check). Each streams its
 * runners' output and ends with one line `N passed, N failed, N skipped` totalling them; it exits
 * non-zero on any failure or when a runner ran no test at all. The matrix is its own command
 * because it takes several minutes on 2 cores, past the budget of the everyday `npm test`; CI
 * runs both.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { testFiles } from './test-files.ts';

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

/**
 * The longest file (build, pack, install, then the installed command) runs in its own node:test
 * alongside the others from the start: node orders the files it is given by path, so in one run
 * it would start among the last and end the run alone.
 */
const RUN_ALONGSIDE = join('test', 'package', 'install.test.ts');

const SUITE: 'unit' | 'matrix' = process.argv.includes('--matrix') ? 'matrix' : 'unit';

interface NodeTestRun {
  exitCode: number | null;
  tap: string;
}

/** One node:test over `files`: TAP to a file for the tally, the spec reporter to stdout or to `specFile`. */
async function nodeTestRun(files: string[], tap: string, specFile?: string): Promise<NodeTestRun> {
  const exitCode = await run(process.execPath, [
    // A file that hangs fails after 15 minutes instead of holding the whole run (the limit is per file).
    '--import', 'tsx', '--test', `--test-concurrency=${TEST_CONCURRENCY}`, '--test-timeout=900000',
    '--test-reporter=spec', `--test-reporter-destination=${specFile ?? 'stdout'}`,
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  return { exitCode, tap: readFileSync(tap, 'utf8') };
}

/** node:test — spec reporter for people, TAP summaries to files for the tally. */
async function nodeTests(): Promise<Tally> {
  const files = testFiles('test');
  const alongside = files.filter((file) => file === RUN_ALONGSIDE);
  const spec = join(REPORTS, 'node-test-package.spec.txt');
  const runs = await Promise.all([
    nodeTestRun(files.filter((file) => file !== RUN_ALONGSIDE), join(REPORTS, 'node-test.tap')),
    ...(alongside.length ? [nodeTestRun(alongside, join(REPORTS, 'node-test-package.tap'), spec)] : []),
  ]);
  if (alongside.length) process.stdout.write(readFileSync(spec, 'utf8'));
  const count = (name: string): number => runs.reduce((sum, { tap }) => sum + Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0), 0);
  return {
    runner: 'node:test',
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
    // The first run that did not exit 0 (null when a signal ended it), else 0.
    exitCode: (runs.find((one) => one.exitCode !== 0) ?? runs[0]!).exitCode,
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
const matrixTables: { runner: string; file: string }[] = [
  { runner: 'web matrix', file: 'reports/self-test/web/kill-table.json' },
  { runner: 'mobile matrix', file: 'reports/self-test/mobile/kill-table.json' },
];
if (!setup) {
  if (SUITE === 'unit') tallies.push(await nodeTests());
  else tallies.push(...(await selfTestMatrix(matrixTables)));
}

console.log('');
for (const tally of tallies) {
  console.log(`${tally.runner.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (exit ${tally.exitCode})`);
}
const total = tallies.reduce((sum, tally) => ({ passed: sum.passed + tally.passed, failed: sum.failed + tally.failed, skipped: sum.skipped + tally.skipped }), { passed: 0, failed: 0, skipped: 0 });
const brokenRunner = tallies.find((tally) => tally.exitCode !== 0 || tally.passed + tally.failed === 0);
if (brokenRunner && total.failed === 0) total.failed += 1;
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
