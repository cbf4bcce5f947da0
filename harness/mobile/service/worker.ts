import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addAttachment } from '@wdio/allure-reporter';
import type { Frameworks } from '@wdio/types';
import { checkOfTest } from '../../check.ts';
import { gatherEvidence } from '../evidence.ts';
import { currentSession } from '../mocha-session.ts';
import { evidenceDir } from '../worker-results.ts';
import { DEFAULT_RESULTS_DIR } from './constants.ts';
import type { MobileHarnessServiceOptions } from './types.ts';

/**
 * The worker side of the mobile harness service: after each test it attaches the evidence of the
 * spec file's session (JWT timeline, its picture, the journal, the UI tree) to the Allure report,
 * and writes the same files under `<resultsDir>/evidence/<cid>/<check>/`, where the conformance
 * run links them from its verdicts.
 */
export default class MobileHarnessService {
  private readonly resultsDir: string;

  constructor(options: MobileHarnessServiceOptions = {}) {
    this.resultsDir = resolve(options.resultsDir ?? process.env['MOBILE_RESULTS_DIR'] ?? DEFAULT_RESULTS_DIR);
  }

  async afterTest(test: Frameworks.Test, _context: unknown, result: Frameworks.TestResult): Promise<void> {
    const session = currentSession();
    if (!session) return;
    const error = result.error ? String((result.error as { message?: unknown }).message ?? result.error) : undefined;
    const check = checkOfTest(test.title)?.id ?? 'no-check';
    const dir = evidenceDir(this.resultsDir, process.env['WDIO_WORKER_ID'] ?? '', check);
    mkdirSync(dir, { recursive: true });
    for (const piece of await gatherEvidence(session, { check, ...(error ? { error } : {}) })) {
      await addAttachment(piece.name, piece.content, piece.type);
      writeFileSync(join(dir, piece.name), piece.content);
    }
  }
}
