import { holdsGate } from './gate.ts';
import { PLATFORM_LABEL, type GatedVerdict, type Verdict } from './types.ts';

/**
 * Checks whose verdict changed between repeats of the same selection: one line each, saying how
 * often each outcome came up and the first reason of each failing kind.
 */
export function changedVerdicts(runs: readonly (readonly Verdict[])[]): string[] {
  const keys = [...new Set(runs.flatMap((run) => run.map((verdict) => `${verdict.check}\u0000${verdict.platform}`)))];
  const changed: string[] = [];
  for (const key of keys) {
    const [check, platform] = key.split('\u0000') as [string, Verdict['platform']];
    const seen = runs.map((run, index) => ({ run: index + 1, verdict: run.find((candidate) => candidate.check === check && candidate.platform === platform) }));
    const outcomes = new Set(seen.map(({ verdict }) => verdict?.outcome ?? 'missing'));
    if (outcomes.size <= 1) continue;
    const counts = [...outcomes].map((outcome) => `${outcome} ×${seen.filter(({ verdict }) => (verdict?.outcome ?? 'missing') === outcome).length}`);
    const firstBad = seen.find(({ verdict }) => verdict && verdict.outcome !== 'pass');
    changed.push(`${check} on ${PLATFORM_LABEL[platform]}: ${counts.join(', ')}${firstBad ? ` (run ${firstBad.run}: ${firstBad.verdict!.reason})` : ''}`);
  }
  return changed;
}

/**
 * One verdict per check × platform over all repeats: the first that did not hold the gate, marked
 * with its repeat, or else the last repeat's. The table and reports then fail if any repeat did.
 */
export function worstOfRounds(rounds: readonly (readonly GatedVerdict[])[]): GatedVerdict[] {
  const last = rounds.at(-1) ?? [];
  return last.map((verdict) => {
    for (const [index, round] of rounds.entries()) {
      const same = round.find((candidate) => candidate.check === verdict.check && candidate.platform === verdict.platform);
      if (same && !holdsGate(same)) return index === rounds.length - 1 ? same : { ...same, round: index + 1 };
    }
    return verdict;
  });
}
