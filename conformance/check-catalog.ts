import type { Check } from '../harness/check.ts';
import { MOB_CHECKS, WEB_CHECKS } from '../specs/checks.ts';
import { PLATFORMS, type Platform } from './types.ts';

export interface CatalogEntry {
  check: Check;
  platforms: readonly Platform[];
}

/** Every check of the suite, in report order, with the platforms it runs on. */
export const CATALOG: readonly CatalogEntry[] = [
  ...WEB_CHECKS.map((check) => ({ check, platforms: ['web'] as const })),
  ...MOB_CHECKS.map((check) => ({ check, platforms: ['android', 'ios'] as const })),
];

export function catalogEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((entry) => entry.check.id === id);
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Parses a comma list of platforms (`web,android,ios`, any case). */
export function parsePlatforms(value: string): Platform[] {
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new Error('--platforms: give at least one of web, android, ios');
  const unknown = names.filter((name) => !(PLATFORMS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`--platforms: ${unknown.map((name) => `"${name}"`).join(', ')} is not a platform; use web, android, ios (comma-separated)`);
  return PLATFORMS.filter((platform) => names.includes(platform));
}

/**
 * The checks a run selects: IDs or globs (`WEB-*`, `*JWT*`, case-insensitive) from a comma list,
 * all checks when none is given, kept to those that run on a selected platform. A pattern that
 * matches nothing, or only checks of unselected platforms, is an error that says so.
 */
export function selectChecks(patterns: readonly string[] | undefined, platforms: readonly Platform[]): string[] {
  const runnable = CATALOG.filter((entry) => entry.platforms.some((platform) => platforms.includes(platform)));
  if (!patterns || patterns.length === 0) return runnable.map((entry) => entry.check.id);
  const chosen = new Set<string>();
  for (const pattern of patterns) {
    const regexp = globToRegExp(pattern);
    const matches = CATALOG.filter((entry) => regexp.test(entry.check.id));
    if (matches.length === 0) throw new Error(`--checks: "${pattern}" matches no check; the checks are ${CATALOG.map((entry) => entry.check.id).join(', ')}`);
    const onSelected = matches.filter((entry) => runnable.includes(entry));
    if (onSelected.length === 0) {
      const where = [...new Set(matches.flatMap((entry) => entry.platforms))].join(', ');
      throw new Error(`--checks: "${pattern}" runs on ${where}, and --platforms selects only ${platforms.join(', ')}`);
    }
    for (const entry of onSelected) chosen.add(entry.check.id);
  }
  return CATALOG.map((entry) => entry.check.id).filter((id) => chosen.has(id));
}

/** The platforms among `platforms` that at least one of `checks` runs on. */
export function platformsInUse(checks: readonly string[], platforms: readonly Platform[]): Platform[] {
  return platforms.filter((platform) => checks.some((id) => catalogEntry(id)?.platforms.includes(platform)));
}
