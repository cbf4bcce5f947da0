import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { parseProgressLine, PROGRESS_ENV, type ProgressEvent } from '../harness/progress.ts';

export interface RunnerProcessOptions {
  command: string;
  args: string[];
  /** Added to this process's environment; `undefined` removes a variable. */
  env: Record<string, string | undefined>;
  /** Everything the runner prints goes here. */
  logFile: string;
  /** Also stream the runner's own output to this terminal. */
  verbose: boolean;
  onProgress(event: ProgressEvent): void;
}

export interface RunnerExit {
  exitCode: number | null;
  /** The signal that ended the runner, if one did. */
  signal?: NodeJS.Signals | null;
  wallMs: number;
  /** The runner's last lines of output, to explain a result that never arrived. */
  tail: string[];
}

const TAIL_LINES = 40;

/**
 * Runs a test runner as a child process: its progress lines go to `onProgress`, all of its output
 * to the log file (and to the terminal when verbose). Resolves when it exits and the log is flushed.
 */
export function runRunner(options: RunnerProcessOptions): Promise<RunnerExit> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const env: NodeJS.ProcessEnv = { ...process.env, [PROGRESS_ENV]: '1' };
  for (const [key, value] of Object.entries(options.env)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const started = performance.now();
  const tail: string[] = [];
  const child = spawn(options.command, options.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const readers = [child.stdout, child.stderr].map(
    (stream) =>
      new Promise<void>((resolve) => {
        const lines = createInterface({ input: stream, crlfDelay: Infinity });
        lines.on('line', (line) => {
          log.write(`${line}\n`);
          const event = parseProgressLine(line);
          if (event) return options.onProgress(event);
          tail.push(line);
          if (tail.length > TAIL_LINES) tail.shift();
          if (options.verbose) process.stdout.write(`${line}\n`);
        });
        lines.on('close', resolve);
      }),
  );
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`could not start ${options.command} ${options.args.join(' ')}: ${error.message}`)));
    child.on('close', async (exitCode, signal) => {
      await Promise.all(readers);
      await new Promise<void>((done) => log.end(done));
      resolve({ exitCode, signal, wallMs: performance.now() - started, tail });
    });
  });
}

/** An error as runners print it: `Error: …`, `TypeError: …`, a logger's `ERROR`, a WDIO worker's `[0-0] Error …`. */
const ERROR_LINE = /(^|\s|\])([A-Z]\w*)?Error\b|\bERROR\b/;
const TROUBLE_LINE = /cannot|lacks|not found|failed|refused/i;

/**
 * The runner's own explanation of a failure that left no result: its first error line (else its
 * first line that sounds like trouble, else its last line), with the list that follows it when
 * the line introduces one (a config that says what it lacks).
 */
export function explainExit(exit: RunnerExit, logFile: string): string {
  const lines = exit.tail.map((line) => stripVTControlCharacters(line).trim()).filter(Boolean);
  let at = lines.findIndex((line) => ERROR_LINE.test(line));
  if (at < 0) at = lines.findIndex((line) => TROUBLE_LINE.test(line));
  let error = at >= 0 ? lines[at]! : (lines.at(-1) ?? 'no output');
  if (at >= 0 && error.endsWith(':')) {
    const items: string[] = [];
    for (const line of lines.slice(at + 1)) {
      if (!line.startsWith('- ')) break;
      items.push(line.slice(2));
    }
    if (items.length) error = `${error} ${items.join('; ')}`;
  }
  const ended = exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.exitCode}`;
  return `no result: the runner ${ended} (${error.slice(0, 1000)}; full log: ${logFile})`;
}
