import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { checkOfTest } from '../check.ts';
import { progressEnabled, progressLine } from '../progress.ts';
import { cellResultOf, PLATFORM_LABEL, platformNamed, type CellResult } from '../result.ts';
import { VERDICT_SEPARATOR } from './soft-verdicts.ts';

/** One worker's results: the device it drove, and each test's state and error messages. */
export interface WorkerResults {
  cid: string;
  platformName: string;
  /** `appium:sdkProfile`, the basename of `appium:sdkProfileModule`, or `app` for a real app. */
  sdkProfile: string;
  specs: string[];
  /** `check`: the ID of the check the test was declared for (`checkTest`); absent for any other test. */
  tests: { title: string; fullTitle: string; check?: string; state: 'passed' | 'failed' | 'skipped'; durationMs: number; errors: string[] }[];
  /** Failures outside a test: a hook, the session (Appium refused the capabilities), the worker. */
  errors: string[];
}

interface ReporterOptions {
  outputDir?: string;
}

type Payload = Record<string, unknown>;

function messagesOf(payload: Payload): string[] {
  const errors = (payload['errors'] as { message?: string }[] | undefined) ?? (payload['error'] ? [payload['error'] as { message?: string }] : []);
  return errors.map((error) => stripVTControlCharacters(String(error.message ?? error)));
}

function profileOf(caps: Payload): string {
  const module = (caps['appium:sdkProfileModule'] ?? caps['sdkProfileModule']) as string | undefined;
  if (module) return basename(module).replace(/\.[cm]?[jt]s$/, '');
  const automation = String(caps['appium:automationName'] ?? caps['automationName'] ?? '');
  return String(caps['appium:sdkProfile'] ?? caps['sdkProfile'] ?? (/intercomsim/i.test(automation) ? 'correct' : 'app'));
}

/**
 * A tiny WebdriverIO reporter: one JSON file per worker (`results-<cid>.json`) under `outputDir`,
 * read back by the mobile self-test. WDIO emits its events on the reporter (an EventEmitter) and
 * waits for `isSynchronised`; this one writes synchronously.
 */
export class MobileResultsReporter extends EventEmitter {
  readonly isSynchronised = true;
  private readonly outputDir: string;
  private results: WorkerResults = { cid: '', platformName: '', sdkProfile: '', specs: [], tests: [], errors: [] };
  private started = new Map<string, number>();

  constructor(options: ReporterOptions = {}) {
    super();
    this.outputDir = resolve(options.outputDir ?? process.env['MOBILE_RESULTS_DIR'] ?? 'reports/mobile/results');
    for (const event of ['runner:start', 'test:start', 'test:pass', 'test:fail', 'test:pending', 'hook:end', 'runner:end']) {
      this.on(event, (payload: Payload) => this.record(event, payload));
    }
  }

  private record(event: string, payload: Payload): void {
    switch (event) {
      case 'runner:start': {
        // Requested capabilities (config.capabilities) name the profile; the session's echo may not.
        const requested = ((payload['config'] as Payload | undefined)?.['capabilities'] ?? {}) as Payload;
        const caps = { ...((payload['capabilities'] as Payload | undefined) ?? {}), ...requested };
        this.results.cid = String(payload['cid'] ?? '');
        this.results.platformName = String(caps['platformName'] ?? '');
        this.results.sdkProfile = profileOf(caps);
        this.results.specs = ((payload['specs'] as string[] | undefined) ?? []).map((spec) => spec.replace(/^file:\/\//, ''));
        break;
      }
      case 'test:start':
        this.started.set(String(payload['fullTitle'] ?? payload['title']), Date.now());
        break;
      case 'test:pass':
      case 'test:fail':
      case 'test:pending': {
        const key = String(payload['fullTitle'] ?? payload['title']);
        const state = event === 'test:pass' ? 'passed' : event === 'test:fail' ? 'failed' : 'skipped';
        const title = String(payload['title'] ?? '');
        const check = checkOfTest(title)?.id;
        const test = {
          title,
          fullTitle: key,
          ...(check ? { check } : {}),
          state,
          durationMs: Date.now() - (this.started.get(key) ?? Date.now()),
          errors: state === 'failed' ? messagesOf(payload) : [],
        } as const;
        this.results.tests.push(test);
        if (progressEnabled() && check) {
          const { cell, reason } = cellResultOf(runnerTest(this.results, { ...test, check }), VERDICT_SEPARATOR);
          process.stdout.write(progressLine({ cell, check, state, reason: state === 'failed' ? reason : '', durationMs: test.durationMs }));
        }
        break;
      }
      case 'hook:end':
        if (payload['error']) this.results.errors.push(`hook "${String(payload['title'])}": ${messagesOf(payload).join('; ')}`);
        break;
      case 'runner:end':
        if (payload['error']) this.results.errors.push(`session: ${stripVTControlCharacters(String(payload['error']))}`);
        this.write();
        break;
    }
  }

  private write(): void {
    mkdirSync(this.outputDir, { recursive: true });
    writeFileSync(join(this.outputDir, `results-${this.results.cid || process.pid}.json`), JSON.stringify(this.results, null, 2));
  }
}

export function readWorkerResults(dir: string): WorkerResults[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => /^results-.*\.json$/.test(file));
  } catch {
    return [];
  }
  return files.sort().map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkerResults);
}

/** `correct×Android`: how the self-test names a profile on a platform. */
export function cellName(profile: string, platformName: string): string {
  const platform = platformNamed(platformName);
  return `${profile}×${platform ? PLATFORM_LABEL[platform] : platformName}`;
}

/** Where a worker keeps the evidence files of one check's test (written by the config's afterTest hook). */
export function evidenceDir(resultsDir: string, cid: string, checkId: string): string {
  return join(resultsDir, 'evidence', cid || 'worker', checkId);
}

type WorkerTest = WorkerResults['tests'][number];

/** A worker's test in the runner-neutral shape every cell result is judged from (harness/result.ts). */
function runnerTest(worker: WorkerResults, test: WorkerTest & { check: string }, resultsDir?: string) {
  const dir = resultsDir ? evidenceDir(resultsDir, worker.cid, test.check) : null;
  const evidence = dir && existsSync(dir) ? readdirSync(dir).sort().map((name) => ({ name, path: join(dir, name) })) : [];
  return { cell: cellName(worker.sdkProfile, worker.platformName), check: test.check, status: test.state, durationMs: test.durationMs, errors: test.errors, evidence };
}

/** One result per worker test that declared a check (soft verdicts split on VERDICT_SEPARATOR). */
export function cellResults(workers: WorkerResults[], resultsDir?: string): CellResult[] {
  return workers.flatMap((worker) =>
    worker.tests.flatMap((test) => (test.check ? [cellResultOf(runnerTest(worker, { ...test, check: test.check }, resultsDir), VERDICT_SEPARATOR)] : [])),
  );
}
