import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogEntry } from './check-catalog.ts';
import { PLATFORM_LABEL, type GatedResult, type Outcome, type Platform } from './types.ts';

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

const TAG: Partial<Record<Outcome, string>> = {
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
 * The check a result is for, as data: its ALLURE_ID label (set when the test starts), else, for a
 * web test that failed before that (a fixture that could not start), the `tag` label
 * allure-playwright writes from the check's Playwright tag (`@WEB-LOGOUT-01`).
 */
function checkOf(result: AllureResult): string | undefined {
  const labelled = result.labels?.find((label) => label.name === 'ALLURE_ID')?.value;
  return labelled ?? result.labels?.find((label) => label.name === 'tag' && catalogEntry(label.value))?.value;
}

/** The name a verdict goes by in the report: check, platform and subject, so no two rows read alike. */
export function resultName(gated: Pick<GatedResult, 'check' | 'platform' | 'subject'>): string {
  return `${gated.check} · ${PLATFORM_LABEL[gated.platform]} · ${gated.subject}`;
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
export function annotateAllureResults(dirs: readonly AllureResultsDir[], gatedResults: readonly GatedResult[], missingDir: string): { annotated: number; written: number } {
  let annotated = 0;
  const seen = new Set<GatedResult>();
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
      const check = checkOf(result);
      const platform = platformOf(result, dir);
      const gated = gatedResults.find((candidate) => candidate.check === check && candidate.platform === platform);
      if (!gated) continue;
      seen.add(gated);
      result.name = resultName(gated);
      result.labels = withCheckLabels(result.labels ?? [], gated);
      if (gated.verdict === 'fail') result.status = 'failed';
      if (gated.verdict === 'error' && result.status !== 'skipped') result.status = 'broken';
      if (gated.verdict !== 'pass' && !result.statusDetails?.message) result.statusDetails = { ...result.statusDetails, message: gated.reason };
      const tag = TAG[gated.outcome];
      if (tag) result.labels = [...(result.labels ?? []), { name: 'tag', value: tag }];
      const expected = gated.expected;
      if (expected) {
        result.links = [...(result.links ?? []), { type: 'issue', name: `known failure: ${expected.reason.slice(0, 80)}`, url: expected.link }];
        const note =
          gated.outcome === 'known-failure'
            ? `**Known failure** (${expected.file}): ${expected.reason} ${expected.link}`
            : `**Unexpected pass**: ${expected.file} lists this as a known failure (${expected.reason} ${expected.link}); if the bug is fixed, remove the entry.`;
        result.description = `${note}\n\n${result.description ?? ''}`;
      }
      if (gated.outcome === 'known-failure') result.statusDetails = { ...result.statusDetails, known: true };
      if (gated.cause && gated.outcome !== 'unexpected-pass') {
        const { cause } = gated;
        result.description = `**Likely cause:** ${cause.cause}\n\n**Fix:** ${cause.fix}\n\n${cause.docs.map((doc) => `- [${doc.title}](${doc.url})`).join('\n')}\n\n${result.description ?? ''}`;
        result.statusDetails = { ...result.statusDetails, message: `Likely cause: ${cause.cause}. Fix: ${cause.fix}.\n\n${result.statusDetails?.message ?? ''}` };
        result.links = [...(result.links ?? []), ...cause.docs.map((doc) => ({ type: 'link', name: doc.title, url: doc.url }))];
      }
      writeFileSync(path, JSON.stringify(result));
      annotated++;
    }
  }
  const missing = gatedResults.filter((gated) => !seen.has(gated));
  if (missing.length) mkdirSync(missingDir, { recursive: true });
  for (const gated of missing) writeFileSync(join(missingDir, `${randomUUID()}-result.json`), JSON.stringify(resultWithoutRunner(gated)));
  return { annotated, written: missing.length };
}

/** The labels that group a result under its check in the report, added where the spec never set them. */
function checkLabels(gated: GatedResult): { name: string; value: string }[] {
  const title = catalogEntry(gated.check)?.check.title ?? gated.check;
  return [
    { name: 'ALLURE_ID', value: gated.check },
    { name: 'check', value: gated.check },
    { name: 'epic', value: 'Identity conformance' },
    { name: 'feature', value: gated.platform === 'web' ? 'web' : 'mobile' },
    { name: 'story', value: `${gated.check}: ${title}` },
  ];
}

function withCheckLabels(labels: { name: string; value: string }[], gated: GatedResult): { name: string; value: string }[] {
  const missing = checkLabels(gated).filter((label) => !labels.some((present) => present.name === label.name));
  return [...labels, ...missing];
}

/** An Allure result for a verdict the runner left none for, labelled as the runners' own are. */
function resultWithoutRunner(gated: GatedResult): AllureResult & Record<string, unknown> {
  const title = catalogEntry(gated.check)?.check.title ?? gated.check;
  const identity = `${gated.check}|${gated.platform}|${gated.subject}`;
  const stop = Date.now();
  const tag = TAG[gated.outcome];
  return {
    uuid: randomUUID(),
    historyId: createHash('md5').update(identity).digest('hex'),
    testCaseId: createHash('md5').update(identity).digest('hex'),
    name: resultName(gated),
    fullName: `${gated.check} ${title} (${PLATFORM_LABEL[gated.platform]}, ${gated.subject})`,
    status: gated.verdict === 'pass' ? 'passed' : gated.verdict === 'fail' ? 'failed' : 'broken',
    statusDetails: { message: gated.reason || 'no result from the runner', trace: gated.details.join('\n\n'), ...(gated.outcome === 'known-failure' ? { known: true } : {}) },
    stage: 'finished',
    start: stop - gated.durationMs,
    stop,
    description: `The runner wrote no result for this check on ${PLATFORM_LABEL[gated.platform]}; the conformance run recorded its verdict: ${gated.reason}`,
    labels: [...checkLabels(gated), ...(tag ? [{ name: 'tag', value: tag }] : [])],
    parameters: [
      { name: 'platform', value: PLATFORM_LABEL[gated.platform] },
      { name: 'subject', value: gated.subject },
    ],
    links: gated.expected ? [{ type: 'issue', name: `known failure: ${gated.expected.reason.slice(0, 80)}`, url: gated.expected.link }] : [],
  };
}
