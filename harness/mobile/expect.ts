import { expect as wdioExpect } from '@wdio/globals';
import type { IssuedTokenEntry, JournalRecord } from '../../mock-server/types.ts';
import { identityMatchers } from '../matchers.ts';
import type { ClientStateEntry, PriorUser, RefreshPoint } from '../oracles/index.ts';

declare global {
  // The identity matchers, as expect-webdriverio documents custom matchers are typed.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace ExpectWebdriverIO {
    // Merges with expect-webdriverio's Matchers<R, T>: the parameters must keep its names.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    interface Matchers<R extends void | Promise<void>, T> {
      toCarryNoTraceOf(user: PriorUser): R;
      toServeNothingOf(user: PriorUser): R;
      toResolveOnlyVisitors(): R;
      toCarryJwtWhenIdentified(): R;
      toCarryFreshTokens(timeline: { userId: string; issued: IssuedTokenEntry[]; refreshes: RefreshPoint[] }): R;
      toHoldNothingOf(user: PriorUser): R;
      toShowNothingOf(user: PriorUser): R;
      toShowDataOf(user: PriorUser): R;
    }
  }
}

let installed = false;

/** Adds the identity matchers to WebdriverIO's `expect` (once per worker; needs the WDIO runner's globals). */
export function installIdentityMatchers(): void {
  if (installed) return;
  wdioExpect.extend(identityMatchers);
  installed = true;
}

/** WebdriverIO's `expect` with the identity matchers: failure messages carry the `[oracle]` mark. */
export const expect = wdioExpect;

export type { ClientStateEntry, JournalRecord };
