import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { catalogEntry } from './check-catalog.ts';
import { PLATFORMS, type KnownFailure, type Platform, type SubjectId } from './types.ts';

/**
 * Expectations files (`expectations/<subject>@<version>.json`): the known failures of one subject
 * or SDK version, each with a reason and a link, in the manner of the OpenID conformance suite's
 * per-target expected failures. The gate holds a run to them both ways: a failure not listed is
 * unexpected, and so is a listed failure that passes (the bug was fixed; drop the entry).
 */
export const EXPECTATIONS_DIR = 'expectations';

const knownFailureSchema = z.strictObject({
  check: z.string().min(1),
  platforms: z.array(z.enum(PLATFORMS as [Platform, ...Platform[]])).min(1).optional(),
  reason: z.string().trim().min(1, 'say why this check fails for this subject'),
  link: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL to the bug, issue or report' }),
});

const expectationsSchema = z.strictObject({
  $schema: z.string().optional(),
  subject: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must be "name@version"'),
  description: z.string().optional(),
  known_failures: z.array(knownFailureSchema),
});

export type ExpectationsFile = z.infer<typeof expectationsSchema>;

export class ExpectationsError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file} is not a valid expectations file:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ExpectationsError';
  }
}

export interface LoadedExpectations {
  subject: string;
  knownFailures: KnownFailure[];
}

/** Reads and validates one file; every problem is named with its place in the file. */
export function loadExpectations(file: string): LoadedExpectations {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ExpectationsError(file, [(error as Error).message]);
  }
  const parsed = expectationsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ExpectationsError(file, parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`));
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.known_failures.forEach((entry, index) => {
    const where = `known_failures.${index}`;
    const check = catalogEntry(entry.check);
    if (!check) {
      problems.push(`${where}.check: "${entry.check}" is not a check of this suite`);
      return;
    }
    const wrong = (entry.platforms ?? []).filter((platform) => !check.platforms.includes(platform));
    if (wrong.length) problems.push(`${where}.platforms: ${entry.check} does not run on ${wrong.join(', ')} (it runs on ${check.platforms.join(', ')})`);
    for (const platform of entry.platforms ?? check.platforms) {
      const key = `${entry.check}/${platform}`;
      if (seen.has(key)) problems.push(`${where}: ${entry.check} on ${platform} is listed twice`);
      seen.add(key);
    }
  });
  if (problems.length) throw new ExpectationsError(file, problems);
  return { subject: parsed.data.subject, knownFailures: parsed.data.known_failures.map((entry) => ({ check: entry.check, platforms: entry.platforms, reason: entry.reason, link: entry.link, file })) };
}

const platformsOf = (entry: KnownFailure): readonly Platform[] => entry.platforms ?? catalogEntry(entry.check)?.platforms ?? [];

export interface ExpectationsLookup {
  files: string[];
  /** Files looked for and not found (when discovered by subject). */
  notFound: string[];
  knownFailures: KnownFailure[];
  /** Things worth a line in the run's header, e.g. a file given for another subject. */
  notes: string[];
}

/**
 * The expectations of a run: the files given, or else `expectations/<subject>.json` for each
 * subject that runs (a missing one means the subject is expected to pass everything). A file
 * found for a subject covers that subject's platforms only; one check on one platform may be
 * listed once across all files.
 */
export function resolveExpectations(given: readonly string[] | undefined, subjects: readonly SubjectId[], root = process.cwd()): ExpectationsLookup {
  const notes: string[] = [];
  let files: string[];
  let notFound: string[] = [];
  let knownFailures: KnownFailure[];
  if (given && given.length > 0) {
    const absent = given.filter((file) => !existsSync(file));
    if (absent.length) throw new Error(`--expectations: ${absent.join(', ')} does not exist`);
    files = [...given];
    knownFailures = files.flatMap((file) => {
      const loaded = loadExpectations(file);
      if (!subjects.some((subject) => subject.id === loaded.subject)) notes.push(`${file} is written for ${loaded.subject}; applied as given to ${subjects.map((subject) => subject.id).join(', ')}`);
      return loaded.knownFailures;
    });
  } else {
    const candidates = subjects.map((subject) => ({ subject, file: relative(root, join(root, EXPECTATIONS_DIR, `${subject.id}.json`)) }));
    const found = candidates.filter(({ file }) => existsSync(join(root, file)));
    files = found.map(({ file }) => file);
    notFound = candidates.filter((candidate) => !found.includes(candidate)).map(({ file }) => file);
    knownFailures = found.flatMap(({ subject, file }) =>
      loadExpectations(join(root, file))
        .knownFailures.map((entry) => ({ ...entry, file, platforms: platformsOf(entry).filter((platform) => subject.platforms.includes(platform)) }))
        .filter((entry) => entry.platforms.length > 0),
    );
  }
  const seen = new Map<string, string>();
  for (const entry of knownFailures) {
    for (const platform of platformsOf(entry)) {
      const key = `${entry.check} on ${platform}`;
      const earlier = seen.get(key);
      if (earlier && earlier !== entry.file) throw new Error(`expectations: ${key} is listed in both ${earlier} and ${entry.file}; keep one`);
      seen.set(key, entry.file);
    }
  }
  return { files, notFound, knownFailures, notes };
}

/** The known failure that covers a check on a platform, if any. */
export function expectationFor(knownFailures: readonly KnownFailure[], check: string, platform: Platform): KnownFailure | null {
  return knownFailures.find((entry) => entry.check === check && platformsOf(entry).includes(platform)) ?? null;
}
