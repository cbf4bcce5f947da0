import { expectationFor } from './expectations.ts';
import { isAsExpected, outcomeOf } from '../harness/result.ts';
import type { CheckResult, GatedResult, KnownFailure, Outcome } from './types.ts';

/** Holds each verdict to the expectations: what was expected, and the outcome (harness/result.ts). */
export function applyGate(results: readonly CheckResult[], knownFailures: readonly KnownFailure[]): GatedResult[] {
  return results.map((result) => {
    const expected = expectationFor(knownFailures, result.check, result.platform);
    return { ...result, outcome: outcomeOf(result.verdict, expected !== null), expected };
  });
}

export function holdsGate(result: GatedResult): boolean {
  return isAsExpected(result.outcome);
}

export interface GateSummary {
  passed: number;
  knownFailures: number;
  unexpectedFailures: number;
  unexpectedPasses: number;
  errors: number;
  ok: boolean;
}

export function summarizeGate(results: readonly GatedResult[]): GateSummary {
  const count = (outcome: Outcome): number => results.filter((result) => result.outcome === outcome).length;
  const summary = {
    passed: count('pass'),
    knownFailures: count('known-failure'),
    unexpectedFailures: count('unexpected-failure'),
    unexpectedPasses: count('unexpected-pass'),
    errors: count('error'),
  };
  return { ...summary, ok: results.length > 0 && summary.unexpectedFailures + summary.unexpectedPasses + summary.errors === 0 };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function describeGate(summary: GateSummary): string {
  const parts = [
    `${summary.passed} passed`,
    plural(summary.knownFailures, 'known failure', 'known failures'),
    plural(summary.unexpectedFailures, 'unexpected failure', 'unexpected failures'),
    plural(summary.unexpectedPasses, 'unexpected pass', 'unexpected passes'),
    plural(summary.errors, 'error', 'errors'),
  ];
  return `${summary.ok ? 'gate holds' : 'GATE FAILS'}: ${parts.join(', ')}`;
}
