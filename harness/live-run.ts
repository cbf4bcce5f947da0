/**
 * Live mode for the conformance run (conformance/ reaches the mock only through harness/): plant
 * the test users once for every mock of the run, and name what is missing (docs/live-mode.md).
 */
export { checkedUpstream, LiveSettingsError, RestApiError, startLiveRun, type LiveRun } from '../mock-server/index.ts';
