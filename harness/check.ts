import type { EvidenceSource } from './oracles/types.ts';

/**
 * A conformance check as data: a stable ID, the requirement in one paragraph, the public source
 * that motivates it, and the evidence it is judged from. Specs implement the scenario; reports
 * and the expected-verdict tables refer to the ID.
 */
export interface Check {
  id: string;
  title: string;
  statement: string;
  source: string;
  evidence: readonly EvidenceSource[];
}

export function defineCheck<const T extends Check>(check: T): T {
  return check;
}

/** A spec's test title starts with its check ID (`MOB-LOGOUT-01 after logout …`). */
export function checkIdOf(testTitle: string): string {
  return testTitle.split(' ')[0]!;
}
