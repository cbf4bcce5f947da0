import { expectationFor } from './expectations.ts';
import type { GatedVerdict, GateStatus, KnownFailure, Verdict } from './types.ts';

/** Holds each verdict to the expectations: what was expected, and whether the gate holds. */
export function applyGate(verdicts: readonly Verdict[], knownFailures: readonly KnownFailure[]): GatedVerdict[] {
  return verdicts.map((verdict) => {
    const expected = expectationFor(knownFailures, verdict.check, verdict.platform);
    let gate: GateStatus;
    if (verdict.outcome === 'error') gate = 'error';
    else if (verdict.outcome === 'fail') gate = expected ? 'known-failure' : 'unexpected-failure';
    else gate = expected ? 'unexpected-pass' : 'pass';
    return { ...verdict, gate, expected };
  });
}

export function holdsGate(verdict: GatedVerdict): boolean {
  return verdict.gate === 'pass' || verdict.gate === 'known-failure';
}

export interface GateSummary {
  passed: number;
  knownFailures: number;
  unexpectedFailures: number;
  unexpectedPasses: number;
  errors: number;
  ok: boolean;
}

export function summarizeGate(verdicts: readonly GatedVerdict[]): GateSummary {
  const count = (gate: GateStatus): number => verdicts.filter((verdict) => verdict.gate === gate).length;
  const summary = {
    passed: count('pass'),
    knownFailures: count('known-failure'),
    unexpectedFailures: count('unexpected-failure'),
    unexpectedPasses: count('unexpected-pass'),
    errors: count('error'),
  };
  return { ...summary, ok: verdicts.length > 0 && summary.unexpectedFailures + summary.unexpectedPasses + summary.errors === 0 };
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
