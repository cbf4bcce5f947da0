import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { checkIdOf } from '../check.ts';
import { ORACLE_MARK } from '../matchers.ts';
import { progressEnabled, progressLine } from '../progress.ts';
import type { CellResult, Outcome } from '../self-test/verdicts.ts';
import { profileNameOf } from './device-contract.ts';
import { VERDICT_SEPARATOR } from './soft-verdicts.ts';

/** One worker's results: the device it drove, and each test's state and error messages. */
export interface WorkerResults {
  cid: string;
  platformName: string;
  /** `appium:sdkProfile`, the basename of `appium:sdkProfileModule`, or `app` for a real app. */
  sdkProfile: string;
  specs: string[];
  tests: { title: string; fullTitle: string; state: 'passed' | 'failed' | 'skipped'; durationMs: number; errors: string[] }[];
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
        this.results.sdkProfile = profileNameOf(caps);
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
        const test = {
          title: String(payload['title'] ?? ''),
          fullTitle: key,
          state,
          durationMs: Date.now() - (this.started.get(key) ?? Date.now()),
          errors: state === 'failed' ? messagesOf(payload) : [],
        } as const;
        this.results.tests.push(test);
        if (progressEnabled()) {
          const { reason } = judgeTest(test);
          const cell = cellName(this.results.sdkProfile, this.results.platformName);
          process.stdout.write(progressLine({ cell, check: checkIdOf(test.title), state, reason: state === 'failed' ? reason : '', durationMs: test.durationMs }));
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
  return `${profile}×${/^ios$/i.test(platformName) ? 'iOS' : /^android$/i.test(platformName) ? 'Android' : platformName}`;
}

/** Where a worker keeps the evidence files of one test (written by the config's afterTest hook). */
export function evidenceDir(resultsDir: string, cid: string, testTitle: string): string {
  return join(resultsDir, 'evidence', cid || 'worker', checkIdOf(testTitle));
}

/**
 * A failure is `caught` only when every one of its verdicts carries the oracle mark; anything
 * else (a crash, a timeout, a failed precondition) is an `error`. The reason is the first verdict
 * line of a caught fault, or the first line of an error that is not a verdict.
 */
function judgeTest(test: WorkerResults['tests'][number]): { outcome: Outcome; reason: string; details: string[] } {
  const blocks = test.errors.flatMap((message) => message.split(VERDICT_SEPARATOR));
  const outcome: Outcome = test.state === 'passed' ? 'passed' : test.state === 'failed' && blocks.length > 0 && blocks.every((block) => block.includes(ORACLE_MARK)) ? 'caught' : test.state === 'skipped' ? 'missing' : 'error';
  const lines = blocks.flatMap((block) => block.split('\n')).filter((line) => line.trim());
  const line = outcome === 'caught' ? lines.find((candidate) => candidate.includes(ORACLE_MARK)) : lines.find((candidate) => !candidate.includes(ORACLE_MARK));
  const reason = (line ?? test.state).replace(ORACLE_MARK, '').replace(/\s+/g, ' ').trim();
  return { outcome, reason, details: blocks.map((block) => block.trim()) };
}

/** One result per worker test, the check ID taken from the test title's first word. */
export function cellResults(workers: WorkerResults[], resultsDir?: string): CellResult[] {
  return workers.flatMap((worker) =>
    worker.tests.map((test): CellResult => {
      const { outcome, reason, details } = judgeTest(test);
      const dir = resultsDir ? evidenceDir(resultsDir, worker.cid, test.title) : null;
      const evidence = dir && existsSync(dir) ? readdirSync(dir).sort().map((name) => ({ name, path: join(dir, name) })) : [];
      return { cell: cellName(worker.sdkProfile, worker.platformName), check: checkIdOf(test.title), outcome, reason, durationMs: test.durationMs, details, evidence };
    }),
  );
}
