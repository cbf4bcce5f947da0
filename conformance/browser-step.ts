import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CODE_EXT, codeFile } from '../harness/code-root.ts';
import { EXIT } from '../harness/exit-codes.ts';

const SETUP_SCRIPT = codeFile('harness/web/setup-browser');
// TypeScript in the repository needs tsx; the installed package's compiled script runs as it is.
const SETUP_ARGS = CODE_EXT === '.ts' ? ['--import', 'tsx', SETUP_SCRIPT] : [SETUP_SCRIPT];

export type BrowserStep = { ok: true; browser: string } | { ok: false; instruction: string };

/**
 * Runs `npm run setup:browser` as a child process (it loads Playwright, which this room does
 * not): quick when a Chromium is there, and otherwise obtaining one with its progress shown.
 */
export function ensureBrowser(log: (line: string) => void = (line) => console.log(line)): Promise<BrowserStep> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, SETUP_ARGS, { stdio: ['ignore', 'pipe', 'pipe'] });
    let browser = '';
    const errors: string[] = [];
    const out = createInterface({ input: child.stdout, crlfDelay: Infinity });
    out.on('line', (line) => {
      if (line.startsWith('browser: ')) browser = line.slice('browser: '.length);
      else log(line);
    });
    const err = createInterface({ input: child.stderr, crlfDelay: Infinity });
    err.on('line', (line) => line.trim() && errors.push(line));
    const closed = Promise.all([new Promise((done) => out.on('close', done)), new Promise((done) => err.on('close', done))]);
    child.on('error', (error) => reject(new Error(`could not run the browser set-up (${SETUP_SCRIPT}): ${error.message}`)));
    child.on('close', async (code) => {
      await closed;
      if (code === 0 && browser) resolve({ ok: true, browser });
      else if (code === EXIT.noBrowser) resolve({ ok: false, instruction: errors.at(-1) ?? 'no browser for the web checks' });
      else reject(new Error(`the browser set-up exited with code ${code}: ${errors.join(' ') || 'no output'}`));
    });
  });
}
