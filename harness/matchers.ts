import type { IssuedTokenEntry, JournalRecord } from '../mock-server/types.ts';
import {
  identifiedRequestsCarryJwt,
  requestsCarryFreshTokens,
  requestsCarryNoTraceOf,
  requestsResolveAsVisitor,
  responsesServeNothingOf,
  stateHoldsNothingOf,
  textShowsNothingOf,
  type ClientStateEntry,
  type PriorUser,
  type RefreshPoint,
  type OracleVerdict,
} from './oracles/index.ts';
import { kindsLine } from './diagnosis.ts';

/** Marks an assertion failure as an oracle's verdict (not a crash or timeout) in every report. */
export const ORACLE_MARK = '[oracle]';
const SHOWN_VIOLATIONS = 8;

export interface MatcherResult {
  pass: boolean;
  message: () => string;
  name: string;
}

export interface MatcherState {
  isNot?: boolean;
}

function fromVerdict(name: string, state: MatcherState, verdict: OracleVerdict): MatcherResult {
  return {
    name,
    pass: verdict.pass,
    message: () => {
      if (state.isNot) return `${ORACLE_MARK} ${verdict.oracle}: expected a violation, but ${verdict.explanation}`;
      const lines = verdict.violations.slice(0, SHOWN_VIOLATIONS).map((violation) => `  • [${violation.source}] ${violation.message}`);
      const more = verdict.violations.length > SHOWN_VIOLATIONS ? [`  … and ${verdict.violations.length - SHOWN_VIOLATIONS} more`] : [];
      return [`${ORACLE_MARK} ${verdict.oracle}: ${verdict.explanation}`, ...lines, ...more, `  ${kindsLine(verdict.violations)}`].join('\n');
    },
  };
}

/** Presence is the opposite question: the new user's data must be shown. */
function textShows(texts: { where: string; text: string }[], user: PriorUser): OracleVerdict {
  const shown = user.canaries.some((canary) => texts.some(({ text }) => text.includes(canary)));
  return {
    oracle: 'visible text shows the current user',
    pass: shown,
    explanation: shown ? `${user.user_id}'s data is shown` : `none of ${user.user_id}'s canaries (${user.canaries.join(', ')}) is visible in ${texts.map((t) => t.where).join(', ')}`,
    violations: shown ? [] : [{ source: 'visible-text', kind: 'current-not-shown', message: `${user.user_id}'s conversation is not shown` }],
  };
}

/**
 * Identity matchers for `expect.extend`, shared by Playwright and WebdriverIO. Each failure
 * message names the offending evidence: record seq, path, token fingerprint, claims.user_id,
 * seconds to expiry, the canary found and where.
 */
export const identityMatchers = {
  toCarryNoTraceOf(this: MatcherState, records: JournalRecord[], user: PriorUser) {
    return fromVerdict('toCarryNoTraceOf', this, requestsCarryNoTraceOf(records, user));
  },
  toServeNothingOf(this: MatcherState, records: JournalRecord[], user: PriorUser) {
    return fromVerdict('toServeNothingOf', this, responsesServeNothingOf(records, user));
  },
  toResolveOnlyVisitors(this: MatcherState, records: JournalRecord[]) {
    return fromVerdict('toResolveOnlyVisitors', this, requestsResolveAsVisitor(records));
  },
  toCarryJwtWhenIdentified(this: MatcherState, records: JournalRecord[]) {
    return fromVerdict('toCarryJwtWhenIdentified', this, identifiedRequestsCarryJwt(records));
  },
  toCarryFreshTokens(this: MatcherState, records: JournalRecord[], timeline: { userId: string; issued: IssuedTokenEntry[]; refreshes: RefreshPoint[] }) {
    return fromVerdict('toCarryFreshTokens', this, requestsCarryFreshTokens(records, timeline.userId, timeline.issued, timeline.refreshes));
  },
  toHoldNothingOf(this: MatcherState, entries: ClientStateEntry[], user: PriorUser) {
    return fromVerdict('toHoldNothingOf', this, stateHoldsNothingOf(entries, user));
  },
  toShowNothingOf(this: MatcherState, texts: { where: string; text: string }[], user: PriorUser) {
    return fromVerdict('toShowNothingOf', this, textShowsNothingOf(texts, user));
  },
  toShowDataOf(this: MatcherState, texts: { where: string; text: string }[], user: PriorUser) {
    return fromVerdict('toShowDataOf', this, textShows(texts, user));
  },
};
