import { randomBytes } from 'node:crypto';
import { DEFAULT_LEAD_CAP, DEFAULT_SEED_USERS } from '../constants.ts';
import { Workspace } from '../workspace.ts';
import { LIVE_ENV, LIVE_PLANTED_ENV, LIVE_SEED_ENV, LIVE_UPSTREAM_ENV, liveCredentialsFromEnv, restBaseOf } from './live-options.ts';
import { plantUsers, type PlantedUsers } from './planting.ts';

export interface LiveRun {
  /** The variables the run's mocks read (CONFORMANCE_LIVE, …): names and non-secret values only. */
  env: Record<string, string>;
  /** Removes the planted users; call it however the run ended. */
  stop(): Promise<void>;
}

/**
 * One live run with several mocks (a Playwright worker's, one per device): the users are planted
 * once, here, with a canary seed every mock then shares, and removed once at the end. Each mock
 * alone would plant the same external_ids again (a 409 from Intercom) and remove them while the
 * others still judge by them. The secret and the token stay in the environment the mocks inherit.
 */
export async function startLiveRun(upstream: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<LiveRun> {
  const credentials = liveCredentialsFromEnv(env);
  const seed = `live-${randomBytes(6).toString('hex')}`;
  const workspace = new Workspace(DEFAULT_SEED_USERS, seed, () => Math.floor(Date.now() / 1000), DEFAULT_LEAD_CAP);
  const planted: PlantedUsers = await plantUsers(workspace, restBaseOf({ ...credentials, ...(upstream ? { upstream } : {}) }), credentials.accessToken);
  return {
    env: { [LIVE_ENV]: '1', [LIVE_SEED_ENV]: seed, [LIVE_PLANTED_ENV]: '1', ...(upstream ? { [LIVE_UPSTREAM_ENV]: upstream } : {}) },
    stop: () => planted.remove(),
  };
}
