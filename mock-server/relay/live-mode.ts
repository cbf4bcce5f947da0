import type { MockServerOptions } from '../types.ts';
import { LIVE_SEED_ENV, liveOptionsFromEnv, type LiveOptions } from './live-options.ts';
import type { RelayConfig } from './relay-stage.ts';

const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * The options a mock runs with once live mode is settled: `live` as given, else from the
 * environment. A relaying mock verifies and signs with the workspace's secret alone (no rotated
 * one it does not have), and takes the run's shared canary seed, so every mock of a run judges
 * the canaries the run planted.
 */
export function withLiveMode(options: MockServerOptions, env: NodeJS.ProcessEnv = process.env): MockServerOptions & { live: LiveOptions | null } {
  const live = options.live === undefined ? liveOptionsFromEnv(env) : options.live;
  if (!live) return { ...options, live: null };
  const seed = options.seed ?? env[LIVE_SEED_ENV];
  return { ...options, live, primarySecret: live.identitySecret, rotatedSecret: null, ...(seed ? { seed } : {}) };
}

export function relayConfigOf(live: LiveOptions | null | undefined): RelayConfig | null {
  if (!live) return null;
  return { ...(live.upstream ? { upstream: live.upstream } : {}), timeoutMs: live.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS };
}
