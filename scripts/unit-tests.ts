/**
 * `npm run test:unit`: node:test over every test file under test/, nested folders included.
 * Arguments are passed on to node:test before the files (e.g. `-- --test-reporter=dot`).
 */
import { spawn } from 'node:child_process';
import { testFiles } from './test-files.ts';

const files = testFiles();
if (!files.length) {
  console.error('no *.test.ts file under test/: nothing to run');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=3', ...process.argv.slice(2), ...files], { stdio: 'inherit' });
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
