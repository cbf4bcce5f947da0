import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const READY_LINE = /listener started on (http:\/\/\S+)/;

export interface RunningAppium {
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the project's own Appium (project mode: APPIUM_HOME unset, so it finds the drivers
 * recorded in the root package.json) on a free loopback port, and resolves once it logs that it
 * listens. Its whole log goes to `logFile`. Fails within `timeoutMs` with the log's tail.
 */
export async function startAppium(logFile: string, timeoutMs = 30_000): Promise<RunningAppium> {
  assertDriverInstalled();
  const port = await freePort();
  const appiumBin = join(dirname(createRequire(import.meta.url).resolve('appium/package.json')), 'index.js');
  mkdirSync(dirname(logFile), { recursive: true });
  const env = { ...process.env };
  delete env['APPIUM_HOME'];
  const child = spawn(process.execPath, [appiumBin, 'server', '--address', '127.0.0.1', '--port', String(port), '--log-level', 'info', '--log-no-colors'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log, { end: false });
  let tail = '';
  const remember = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not report listening within ${timeoutMs} ms`), timeoutMs);
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`Appium ${reason}; log ${logFile}:\n${tail}`));
    };
    child.once('exit', (code, signal) => fail(`exited (code ${code}, signal ${signal}) before listening`));
    child.stdout!.on('data', () => {
      const match = READY_LINE.exec(tail);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(match[1]!.replace(/\/$/, ''));
      }
    });
  });
  return { url, port, logFile, stop: () => stop(child) };
}

/** SIGTERM, then SIGKILL if Appium is still there after 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The driver is a devDependency (`file:subjects/mobile-sim`) that `npm ci` links; say so if it is missing. */
function assertDriverInstalled(): void {
  const link = join(REPO_ROOT, 'node_modules', 'appium-intercom-sim-driver');
  const expected = realpathSync(join(REPO_ROOT, 'subjects', 'mobile-sim'));
  if (!existsSync(link) || realpathSync(link) !== expected) {
    throw new Error(`the IntercomSim driver is not installed into the project's Appium (node_modules/appium-intercom-sim-driver should link to subjects/mobile-sim); run npm ci`);
  }
}
