import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkIdOf } from '../harness/check.ts';
import { catalogEntry } from './check-catalog.ts';
import { PLATFORM_LABEL, type GatedVerdict, type GateStatus, type Platform } from './types.ts';

/** The runners' Allure results of one round, and the platform of a results folder when it has just one. */
export interface AllureResultsDir {
  dir: string;
  /** `web` for Playwright's results; a mobile result names its platform in its `platform` parameter. */
  platform?: Platform;
}

interface AllureResult {
  name?: string;
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

/** The name a verdict goes by in the report: check, platform and subject, so no two rows read alike. */
export function resultName(verdict: Pick<GatedVerdict, 'check' | 'platform' | 'subject'>): string {
  return `${verdict.check} · ${PLATFORM_LABEL[verdict.platform]} · ${verdict.subject}`;
}

/**
 * Writes the gate's view into each Allure result, so the report reads as the verdict table does:
 * a known failure is marked known (Allure 3 resolves it as "accepted" and leaves it out of its
 * failure rate and quality gate) with the expectation's reason and link; an oracle's verdict is
 * `failed` and anything that could not judge is `broken`, whatever the runner's reporter chose;
 * unexpected results are tagged so the report can be filtered by them. Each result is named by
 * check, platform and subject. A verdict no runner wrote a result for (a runner that never
 * started, a worker that died) gets one written into `missingDir`, so every verdict of the gate
 * is in the report. Returns how many results were annotated and how many written.
 */
export function annotateAllureResults(dirs: readonly AllureResultsDir[], verdicts: readonly GatedVerdict[], missingDir: string): { annotated: number; written: number } {
  let annotated = 0;
  const seen = new Set<GatedVerdict>();
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
      // A test that failed before its spec labelled it (a fixture that could not start) has only its title.
      const check = result.labels?.find((label) => label.name === 'ALLURE_ID')?.value ?? (result.name ? checkIdOf(result.name) : undefined);
      const platform = platformOf(result, dir);
      const verdict = verdicts.find((candidate) => candidate.check === check && candidate.platform === platform);
      if (!verdict) continue;
      seen.add(verdict);
      result.name = resultName(verdict);
      result.labels = withCheckLabels(result.labels ?? [], verdict);
      if (verdict.outcome === 'fail') result.status = 'failed';
      if (verdict.outcome === 'error' && result.status !== 'skipped') result.status = 'broken';
      if (verdict.outcome !== 'pass' && !result.statusDetails?.message) result.statusDetails = { ...result.statusDetails, message: verdict.reason };
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
      if (verdict.cause && verdict.gate !== 'unexpected-pass') {
        const { cause } = verdict;
        result.description = `**Likely cause:** ${cause.cause}\n\n**Fix:** ${cause.fix}\n\n${cause.docs.map((doc) => `- [${doc.title}](${doc.url})`).join('\n')}\n\n${result.description ?? ''}`;
        result.statusDetails = { ...result.statusDetails, message: `Likely cause: ${cause.cause}. Fix: ${cause.fix}.\n\n${result.statusDetails?.message ?? ''}` };
        result.links = [...(result.links ?? []), ...cause.docs.map((doc) => ({ type: 'link', name: doc.title, url: doc.url }))];
      }
      writeFileSync(path, JSON.stringify(result));
      annotated++;
    }
  }
  const missing = verdicts.filter((verdict) => !seen.has(verdict));
  if (missing.length) mkdirSync(missingDir, { recursive: true });
  for (const verdict of missing) writeFileSync(join(missingDir, `${randomUUID()}-result.json`), JSON.stringify(resultWithoutRunner(verdict)));
  return { annotated, written: missing.length };
}

/** The labels that group a result under its check in the report, added where the spec never set them. */
function checkLabels(verdict: GatedVerdict): { name: string; value: string }[] {
  const title = catalogEntry(verdict.check)?.check.title ?? verdict.check;
  return [
    { name: 'ALLURE_ID', value: verdict.check },
    { name: 'check', value: verdict.check },
    { name: 'epic', value: 'Identity conformance' },
    { name: 'feature', value: verdict.platform === 'web' ? 'web' : 'mobile' },
    { name: 'story', value: `${verdict.check}: ${title}` },
  ];
}

function withCheckLabels(labels: { name: string; value: string }[], verdict: GatedVerdict): { name: string; value: string }[] {
  const missing = checkLabels(verdict).filter((label) => !labels.some((present) => present.name === label.name));
  return [...labels, ...missing];
}

/** An Allure result for a verdict the runner left none for, labelled as the runners' own are. */
function resultWithoutRunner(verdict: GatedVerdict): AllureResult & Record<string, unknown> {
  const title = catalogEntry(verdict.check)?.check.title ?? verdict.check;
  const identity = `${verdict.check}|${verdict.platform}|${verdict.subject}`;
  const stop = Date.now();
  const tag = TAG[verdict.gate];
  return {
    uuid: randomUUID(),
    historyId: createHash('md5').update(identity).digest('hex'),
    testCaseId: createHash('md5').update(identity).digest('hex'),
    name: resultName(verdict),
    fullName: `${verdict.check} ${title} (${PLATFORM_LABEL[verdict.platform]}, ${verdict.subject})`,
    status: verdict.outcome === 'pass' ? 'passed' : verdict.outcome === 'fail' ? 'failed' : 'broken',
    statusDetails: { message: verdict.reason || 'no result from the runner', trace: verdict.details.join('\n\n'), ...(verdict.gate === 'known-failure' ? { known: true } : {}) },
    stage: 'finished',
    start: stop - verdict.durationMs,
    stop,
    description: `The runner wrote no result for this check on ${PLATFORM_LABEL[verdict.platform]}; the conformance run recorded its verdict: ${verdict.reason}`,
    labels: [...checkLabels(verdict), ...(tag ? [{ name: 'tag', value: tag }] : [])],
    parameters: [
      { name: 'platform', value: PLATFORM_LABEL[verdict.platform] },
      { name: 'subject', value: verdict.subject },
    ],
    links: verdict.expected ? [{ type: 'issue', name: `known failure: ${verdict.expected.reason.slice(0, 80)}`, url: verdict.expected.link }] : [],
  };
}
