import type { EvidenceSource } from './oracles/types.ts';

/**
 * A conformance check as data: a stable ID, the requirement in one paragraph, the public source
 * that motivates it, and the evidence it is judged from. Specs implement the scenario and declare
 * the check once (`checkTest(check, …)` on either runner); the runners select by it and report
 * it back as data, never by parsing a title.
 */
export interface Check {
  id: string;
  title: string;
  statement: string;
  source: string;
  evidence: readonly EvidenceSource[];
  /** A mobile check's spec file, from specs/mobile/ without extension: the mobile runner starts only the files it needs. */
  mobileSpec?: string;
}

export function defineCheck<const T extends Check>(check: T): T {
  return check;
}

/** The annotation type that carries a check's ID on a test (Playwright's `annotation`, read back from its JSON report). */
export const CHECK_ANNOTATION = 'check';

/** A check's runner tag: `@WEB-LOGOUT-01` (Playwright's `tag`; what `--grep` selects by). */
export function checkTag(id: string): string {
  return `@${id}`;
}

/** A grep that selects exactly the tests tagged with these checks (a tag is a whole word: `@X-01` never selects `@X-011`). */
export function checkGrep(ids: readonly string[]): string {
  const escaped = ids.map((id) => checkTag(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(${escaped.join('|')})(?![\\w-])`;
}

/** The test details a web spec declares its check with: the tag to select by, the annotation to read it back from. */
export function checkDetails(check: Check): { tag: string; annotation: { type: string; description: string }[] } {
  return { tag: checkTag(check.id), annotation: [{ type: CHECK_ANNOTATION, description: check.id }, { type: 'source', description: check.source }] };
}

/** The check ID a test declared, from its annotations (Playwright's testInfo or JSON report); undefined for a test that declared none. */
export function checkIdOfAnnotations(annotations: readonly { type: string; description?: string }[] | undefined): string | undefined {
  return annotations?.find((annotation) => annotation.type === CHECK_ANNOTATION)?.description;
}

/**
 * The checks the specs loaded in this process declared, by ID and by the title of the test that
 * implements each (a check's test is titled by the check, and no two checks share a title): how
 * a Playwright fixture or a WDIO reporter finds the check of the test it is told about. Kept on
 * globalThis, so a module loaded twice (a config and a spec through different loaders) still
 * shares one registry.
 */
interface CheckRegistry {
  byId: Map<string, Check>;
  byTest: Map<string, Check>;
}
const REGISTRY_KEY = Symbol.for('intercom-identity-conformance.checks');

function registry(): CheckRegistry {
  const holder = globalThis as { [REGISTRY_KEY]?: CheckRegistry };
  holder[REGISTRY_KEY] ??= { byId: new Map(), byTest: new Map() };
  return holder[REGISTRY_KEY];
}

/** Records that a spec declared `check`; with `testTitle`, that the test of that title implements it. */
export function registerCheck(check: Check, testTitle?: string): void {
  const { byId, byTest } = registry();
  const known = byId.get(check.id);
  if (known && known.title !== check.title) throw new Error(`two checks share the ID ${check.id} ("${known.title}" and "${check.title}"): give each check its own ID in specs/checks.ts`);
  if (testTitle === undefined) {
    byId.set(check.id, check);
    return;
  }
  const other = byTest.get(testTitle);
  if (other && other.id !== check.id) throw new Error(`${other.id} and ${check.id} both have a test titled "${testTitle}": give each check its own title in specs/checks.ts`);
  byId.set(check.id, check);
  byTest.set(testTitle, check);
}

/** The declared check with this ID, if a spec in this process declared it. */
export function registeredCheck(id: string): Check | undefined {
  return registry().byId.get(id);
}

/** The check the test of this title was declared for (`registerCheck` with a title), if any. */
export function checkOfTest(testTitle: string): Check | undefined {
  return registry().byTest.get(testTitle);
}
