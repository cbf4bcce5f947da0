import { holdsGate } from './gate.ts';
import { PLATFORM_LABEL, type CheckResult, type GatedResult } from './types.ts';

/**
 * Checks whose verdict changed between repeats of the same selection: one line each, saying how
 * often each outcome came up and the first reason of each failing kind.
 */
export function changedVerdicts(runs: readonly (readonly CheckResult[])[]): string[] {
  const keys = [...new Set(runs.flatMap((run) => run.map((result) => `${result.check}\u0000${result.platform}`)))];
  const changed: string[] = [];
  for (const key of keys) {
    const [check, platform] = key.split('\u0000') as [string, CheckResult['platform']];
    const seen = runs.map((run, index) => ({ run: index + 1, result: run.find((candidate) => candidate.check === check && candidate.platform === platform) }));
    const outcomes = new Set(seen.map(({ result }) => result?.verdict ?? 'missing'));
    if (outcomes.size <= 1) continue;
    const counts = [...outcomes].map((outcome) => `${outcome} ×${seen.filter(({ result }) => (result?.verdict ?? 'missing') === outcome).length}`);
    const firstBad = seen.find(({ result }) => result && result.verdict !== 'pass');
    changed.push(`${check} on ${PLATFORM_LABEL[platform]}: ${counts.join(', ')}${firstBad ? ` (run ${firstBad.run}: ${firstBad.result!.reason})` : ''}`);
  }
  return changed;
}

/**
 * One verdict per check × platform over all repeats: the first that did not hold the gate, marked
 * with its repeat, or else the last repeat's. The table and reports then fail if any repeat did.
 */
export function worstOfRounds(rounds: readonly (readonly GatedResult[])[]): GatedResult[] {
  const last = rounds.at(-1) ?? [];
  return last.map((result) => {
    for (const [index, round] of rounds.entries()) {
      const same = round.find((candidate) => candidate.check === result.check && candidate.platform === result.platform);
      if (same && !holdsGate(same)) return index === rounds.length - 1 ? same : { ...same, round: index + 1 };
    }
    return result;
  });
}
