import type { SdkProfile } from '../types.ts';

/**
 * The false-alarm corpus: correct apps written differently from the reference app. Each must pass
 * every check; the self-test matrix holds them to it. None models a fault, so none cites a report:
 * `source` names what makes the variant legitimate.
 */

const SEED_THREAD = 'Intercom Community, "Short lived JWT refresh on mobile using react-native-intercom SDK", March 2026';

export const correctMargin10s: SdkProfile = {
  name: 'correct-margin-10s',
  description: 'A correct app that refreshes its 300 s JWT 10 s before it expires (every 290 s).',
  platforms: ['android', 'ios'],
  source: `${SEED_THREAD}: refresh before expiry; any margin that lands before exp is correct`,
  appTiming: { jwtRefreshS: 290 },
};

export const correctMargin5s: SdkProfile = {
  name: 'correct-margin-5s',
  description: 'A correct app that refreshes its 300 s JWT 5 s before it expires (every 295 s).',
  platforms: ['android', 'ios'],
  source: `${SEED_THREAD}: refresh before expiry; any margin that lands before exp is correct`,
  appTiming: { jwtRefreshS: 295 },
};

export const correctEagerRefresh: SdkProfile = {
  name: 'correct-eager-refresh',
  description: 'A correct app that refreshes its 300 s JWT every 60 s.',
  platforms: ['android', 'ios'],
  source: `${SEED_THREAD}: refreshing early is always allowed`,
  appTiming: { jwtRefreshS: 60 },
};

export const correctLogoutEvents: SdkProfile = {
  name: 'correct-logout-events',
  description: "A correct app whose log-out flow tracks a 'signed-out' event for the user before it calls Intercom logout().",
  platforms: ['android', 'ios'],
  source: 'Intercom mobile SDK logEvent: events belong to the user logged in when they are sent; the requirement is nothing of the user after logout()',
  hooks: {
    logOut: ({ sdkLogout, appLogout }, context) => [
      async () => {
        await context.send('events', { event_name: 'signed-out' });
      },
      sdkLogout,
      appLogout,
    ],
  },
};

/** Real time, not virtual: the request keeps its place in the send order while it waits. */
const LATENCY_MS = 300;

export const correctSlowNetwork: SdkProfile = {
  name: 'correct-slow-network',
  description: `A correct SDK on a slow network: every request waits ${LATENCY_MS} ms before it leaves the device.`,
  platforms: ['android', 'ios'],
  source: 'a mobile network with 300 ms of latency; the checks judge what is sent, not how fast',
  hooks: {
    beforeRequest: async () => {
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
    },
  },
};

export const CORPUS_PROFILES: readonly SdkProfile[] = [correctMargin10s, correctMargin5s, correctEagerRefresh, correctLogoutEvents, correctSlowNetwork];
