import { resolve } from 'node:path';
import {
  DEFAULT_APP_ID,
  DEFAULT_JOURNAL_CAP,
  DEFAULT_LEAD_CAP,
  DEFAULT_PRIMARY_SECRET,
  DEFAULT_ROTATED_SECRET,
  DEFAULT_SEED_USERS,
  DEFAULT_SESSION_CAP,
  DEFAULT_SESSION_TTL_S,
  DEFAULT_TOKEN_TTL_S,
  WRONG_SECRET,
} from './constants.ts';
import { AppSessions } from './app-sessions.ts';
import { TokenTime } from './identity/token-time.ts';
import { MockClock } from './clock.ts';
import { FaultStore } from './fault-store.ts';
import { JwtVerifier } from './identity/jwt-verifier.ts';
import { TokenIssuer, type IssuedToken, type TokenRequest } from './identity/token-issuer.ts';
import { Journal } from './journal/journal.ts';
import { relayConfigOf } from './relay/live-mode.ts';
import type { RelayConfig } from './relay/relay-stage.ts';
import { SessionStore } from './session-store.ts';
import type { IssuedTokenEntry, MockServerOptions } from './types.ts';
import { Workspace } from './workspace.ts';

export interface WorkspacePolicy {
  appId: string;
  enforceIdentityVerification: boolean;
  sessionOutlivesJwt: boolean;
  verify: boolean;
  journal: boolean;
}

/** Everything one mock instance knows; routes read and change it, the admin API resets it. */
export interface MockState {
  policy: WorkspacePolicy;
  clock: MockClock;
  workspace: Workspace;
  sessions: SessionStore;
  journal: Journal;
  faults: FaultStore;
  verifier: JwtVerifier;
  issuer: TokenIssuer;
  /** Sign-ins at the token service that stands in for the app's backend. */
  appSessions: AppSessions;
  /** Every JWT minted, in order: the timeline refresh checks compare requests against. */
  issuedTokens: IssuedTokenEntry[];
  /** The time each token's lifetime is judged at (see identity/token-time.ts). */
  tokenTime: TokenTime;
  /** Live mode: where messenger requests are relayed instead of answered; null in every other mode. */
  relay: RelayConfig | null;
}

export async function createMockState(options: MockServerOptions, spillFileDefault: string): Promise<MockState> {
  const clock = new MockClock();
  const primarySecret = options.primarySecret ?? DEFAULT_PRIMARY_SECRET;
  const rotatedSecret = options.rotatedSecret === undefined ? DEFAULT_ROTATED_SECRET : options.rotatedSecret;
  return {
    policy: {
      appId: options.appId ?? DEFAULT_APP_ID,
      enforceIdentityVerification: options.enforceIdentityVerification ?? true,
      sessionOutlivesJwt: options.sessionOutlivesJwt ?? true,
      verify: options.instrumentation?.verify ?? true,
      journal: options.instrumentation?.journal ?? true,
    },
    clock,
    workspace: new Workspace(options.seedUsers ?? DEFAULT_SEED_USERS, options.seed, () => clock.nowS(), options.leadCap ?? DEFAULT_LEAD_CAP),
    sessions: new SessionStore(options.sessionTtlS ?? DEFAULT_SESSION_TTL_S, () => clock.nowS(), options.sessionCap ?? DEFAULT_SESSION_CAP),
    journal: new Journal(options.journalCap ?? DEFAULT_JOURNAL_CAP, resolve(options.spillFile ?? spillFileDefault), {
      keepSpillFile: options.keepSpillFile ?? false,
    }),
    faults: new FaultStore(),
    verifier: await JwtVerifier.create(primarySecret, rotatedSecret),
    issuer: new TokenIssuer(
      { primary: primarySecret, rotated: rotatedSecret, wrong: WRONG_SECRET },
      options.defaultTokenTtlS ?? DEFAULT_TOKEN_TTL_S,
      () => clock.nowS(),
    ),
    appSessions: new AppSessions(),
    issuedTokens: [],
    tokenTime: new TokenTime(options.foreignTokenTime ?? 'mock-clock'),
    relay: relayConfigOf(options.live),
  };
}

/** `POST /__admin/reset`: back to the seeded workspace with an empty journal. */
export function resetState(state: MockState, all: boolean): void {
  state.journal.reset();
  state.sessions.clear();
  state.faults.clear();
  state.clock.reset();
  state.appSessions.clear();
  state.issuedTokens.length = 0;
  state.tokenTime.reset();
  if (all) state.workspace.clear();
  else state.workspace.restoreSeed();
}

/** Mints a JWT and logs it, so token timelines know when each token came into the world. */
export async function issueToken(state: MockState, request: TokenRequest, via: IssuedTokenEntry['via']): Promise<IssuedToken> {
  const issued = await state.issuer.issue(request);
  state.tokenTime.recordMinted(issued.fingerprint);
  const numeric = (name: string): number | null => (typeof issued.claims[name] === 'number' ? (issued.claims[name] as number) : null);
  state.issuedTokens.push({
    fingerprint: issued.fingerprint,
    user_id: typeof issued.claims['user_id'] === 'string' ? issued.claims['user_id'] : null,
    iat: numeric('iat'),
    exp: numeric('exp'),
    after_seq: state.journal.latestSeq,
    time: new Date(state.clock.nowMs()).toISOString(),
    via,
  });
  return issued;
}
