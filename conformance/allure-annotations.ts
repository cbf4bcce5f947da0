import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GatedVerdict, GateStatus, Platform } from './types.ts';

/** The runners' Allure results of one round, and the platform of a results folder when it has just one. */
export interface AllureResultsDir {
  dir: string;
  /** `web` for Playwright's results; a mobile result names its platform in its `platform` parameter. */
  platform?: Platform;
}

interface AllureResult {
  status?: string;
  statusDetails?: { message?: string; trace?: string; known?: boolean };
  labels?: { name: string; value: string }[];
  parameters?: { name: string; value: string }[];
  links?: { type?: string; name?: string; url: string }[];
  description?: string;
}

const TAG: Partial<Record<GateStatus, string>> = {
  'known-failure': 'known-failure',
  'unexpected-failure': 'unexpected-failure',
  'unexpected-pass': 'unexpected-pass',
  error: 'could-not-judge',
};

function platformOf(result: AllureResult, dir: AllureResultsDir): Platform | null {
  if (dir.platform) return dir.platform;
  const value = result.parameters?.find((parameter) => parameter.name === 'platform')?.value.toLowerCase();
  return value === 'android' || value === 'ios' ? value : null;
}

/**
 * Writes the gate's view into each Allure result, so the report reads as the verdict table does:
 * a known failure is marked known (Allure 3 resolves it as "accepted" and leaves it out of its
 * failure rate and quality gate) with the expectation's reason and link; an oracle's verdict is
 * `failed` and anything that could not judge is `broken`, whatever the runner's reporter chose;
 * unexpected results are tagged so the report can be filtered by them.
 */
export function annotateAllureResults(dirs: readonly AllureResultsDir[], verdicts: readonly GatedVerdict[]): number {
  let annotated = 0;
  for (const dir of dirs) {
    let files: string[];
    try {
      files = readdirSync(dir.dir).filter((file) => file.endsWith('-result.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const path = join(dir.dir, file);
      const result = JSON.parse(readFileSync(path, 'utf8')) as AllureResult;
      const check = result.labels?.find((label) => label.name === 'ALLURE_ID')?.value;
      const platform = platformOf(result, dir);
      const verdict = verdicts.find((candidate) => candidate.check === check && candidate.platform === platform);
      if (!verdict) continue;
      if (verdict.outcome === 'fail') result.status = 'failed';
      if (verdict.outcome === 'error' && result.status !== 'skipped') result.status = 'broken';
      const tag = TAG[verdict.gate];
      if (tag) result.labels = [...(result.labels ?? []), { name: 'tag', value: tag }];
      const expected = verdict.expected;
      if (expected) {
        result.links = [...(result.links ?? []), { type: 'issue', name: `known failure: ${expected.reason.slice(0, 80)}`, url: expected.link }];
        const note =
          verdict.gate === 'known-failure'
            ? `**Known failure** (${expected.file}): ${expected.reason} ${expected.link}`
            : `**Unexpected pass**: ${expected.file} lists this as a known failure (${expected.reason} ${expected.link}); if the bug is fixed, remove the entry.`;
        result.description = `${note}\n\n${result.description ?? ''}`;
      }
      if (verdict.gate === 'known-failure') result.statusDetails = { ...result.statusDetails, known: true };
      writeFileSync(path, JSON.stringify(result));
      annotated++;
    }
  }
  return annotated;
}
