import { diagnose, kindsIn } from '../harness/diagnosis.ts';
import type { CellResult } from '../harness/self-test/verdicts.ts';
import type { Platform, Verdict } from './types.ts';

/** The platform a result's cell ran on: `web`, or a mobile cell's `×Android` / `×iOS`. */
export function platformOfCell(cell: string): Platform | null {
  if (!cell.includes('×')) return 'web';
  const suffix = cell.split('×').at(-1)!.toLowerCase();
  return suffix === 'android' ? 'android' : suffix === 'ios' ? 'ios' : null;
}

/**
 * One verdict per selected check × platform. A result that never arrived is an `error` whose
 * reason says what is known (a refused session, the runner's exit).
 */
export function toVerdicts(results: readonly CellResult[], checks: readonly string[], platforms: readonly Platform[], subject: string, missingReason: (platform: Platform) => string): Verdict[] {
  return checks.flatMap((check) =>
    platforms.map((platform): Verdict => {
      const result = results.find((candidate) => candidate.check === check && platformOfCell(candidate.cell) === platform);
      if (!result || result.outcome === 'missing') {
        return { check, platform, subject, outcome: 'error', reason: missingReason(platform), details: [], evidence: [], durationMs: 0, cause: null };
      }
      const details = result.details ?? [];
      return {
        check,
        platform,
        subject,
        outcome: result.outcome === 'passed' ? 'pass' : result.outcome === 'caught' ? 'fail' : 'error',
        reason: result.outcome === 'passed' ? '' : result.reason,
        details,
        evidence: result.evidence ?? [],
        durationMs: result.durationMs,
        cause: result.outcome === 'caught' ? diagnose(kindsIn(details), platform) : null,
      };
    }),
  );
}
