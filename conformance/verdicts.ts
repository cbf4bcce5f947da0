import { diagnose, kindsIn } from '../harness/diagnosis.ts';
import { platformNamed, type CellResult } from '../harness/result.ts';
import type { CheckResult, Platform } from './types.ts';

/** The platform a result's cell ran on: `web`, or a mobile cell's `×Android` / `×iOS`. */
export function platformOfCell(cell: string): Platform | null {
  if (!cell.includes('×')) return 'web';
  const platform = platformNamed(cell.split('×').at(-1)!);
  return platform === 'web' ? null : platform;
}

/**
 * One result per selected check × platform. A result that never arrived, or a skipped test, is
 * an `error` whose reason says what is known (a refused session, a failed hook, the runner's exit).
 */
export function toVerdicts(results: readonly CellResult[], checks: readonly string[], platforms: readonly Platform[], subject: string, missingReason: (platform: Platform) => string): CheckResult[] {
  return checks.flatMap((check) =>
    platforms.map((platform): CheckResult => {
      const result = results.find((candidate) => candidate.check === check && platformOfCell(candidate.cell) === platform);
      if (!result || result.status === 'skipped') {
        return { check, platform, subject, verdict: 'error', reason: missingReason(platform), details: [], evidence: [], durationMs: 0, cause: null };
      }
      return {
        check,
        platform,
        subject,
        verdict: result.verdict,
        reason: result.verdict === 'pass' ? '' : result.reason,
        details: result.details,
        evidence: result.evidence,
        durationMs: result.durationMs,
        cause: result.verdict === 'fail' ? diagnose(kindsIn(result.details), platform) : null,
      };
    }),
  );
}
