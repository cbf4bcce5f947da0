import type { SdkProfile } from '../types.ts';
import { CORPUS_PROFILES } from './corpus-profiles.ts';

/**
 * The built-in profiles: the correct SDK and app, and one fault profile per publicly reported
 * failure. Each cites its source; the hooks change only what the report describes.
 */

/** Seed thread (Intercom Community, March 2026): short-lived JWTs on React Native, Android vs iOS. */
const SEED_THREAD = 'Intercom Community, "Short lived JWT refresh on mobile using react-native-intercom SDK", March 2026, https://community.intercom.com/tips-tricks-and-workarounds-32/short-lived-jwt-refresh-on-mobile-using-react-native-intercom-sdk-14101';

export const correct: SdkProfile = {
  name: 'correct',
  description:
    'The SDK attaches the JWT of the latest setUserJwt to every request, logout dismisses the messenger and clears the local cache, ' +
    'the app calls setUserJwt before login and refreshes a due JWT before the SDK works on resume.',
  platforms: ['android', 'ios'],
  // Intercom staff in the seed thread: "Once set, the SDK attaches that JWT to every request until you replace it".
  source: SEED_THREAD,
};

export const androidStaleJwt: SdkProfile = {
  name: 'android-stale-jwt',
  description:
    'On Android, requests of the live session keep carrying the JWT the user logged in with; setUserJwt after login changes nothing ' +
    'that is sent. iOS picks the new JWT up.',
  platforms: ['android'],
  // Seed thread: "the SDK on Android does not use the new JWT even if we do Intercom.setUserJwt(refreshedToken). The same thing works on iOS".
  source: SEED_THREAD,
  hooks: {
    requestJwt: ({ current, sessionJwt, hasSession }) => (hasSession ? sessionJwt : current),
  },
};

export const logoutKeepsCache: SdkProfile = {
  name: 'logout-keeps-cache',
  description: "logout() leaves the messenger on screen and its cache in place: the previous user's name and conversations are still shown.",
  platforms: ['android', 'ios'],
  // intercom-ios PR #397: "after logging off and providing a failed log-in attempt, the Intercom messenger will still show the
  // previous logged in user name and data".
  source: 'https://github.com/intercom/intercom-ios/pull/397',
  hooks: {
    logout: (plan) => ({ ...plan, dismissMessenger: false, clearCache: false }),
  },
};

export const logoutKeepsSession: SdkProfile = {
  name: 'logout-keeps-session',
  description:
    "logout() clears the cache but keeps the session token in SDK memory: the next login (a guest's loginUnidentifiedUser, or another user) " +
    'sends it, and the server resumes the previous user through it.',
  platforms: ['android', 'ios'],
  // intercom-ios #276 (iOS SDK 3.2.8, fixed in 3.2.9): after logout, the anonymous user registered next "have all events for the
  // previously logged in user"; intercom_flutter #118: after logout and registerUnidentifiedUser "the session is not destroyed it
  // seems". The session token staying valid server-side is intercom-rails #327's finding (web).
  source: 'https://github.com/intercom/intercom-ios/issues/276; https://github.com/deepak786/intercom_flutter/issues/118',
  hooks: {
    logout: (plan) => ({ ...plan, forgetSession: false }),
  },
};

export const loginBeforeJwt: SdkProfile = {
  name: 'login-before-jwt',
  description: 'The app logs the user in before it calls setUserJwt, so the first identified request (`users`) carries no JWT and is refused.',
  platforms: ['android', 'ios'],
  // setUserJwt "should be called before any user login takes place" (iOS 18.7.0, Android 15.16.0, React Native 8.6.0);
  // staff in the seed thread: call setUserJwt "before any call that might touch Intercom (login, updateUser, displayMessenger, etc.)".
  source: SEED_THREAD,
  hooks: {
    signIn: ({ setUserJwt, login }) => [login, setUserJwt],
  },
};

export const refreshPausedInBackground: SdkProfile = {
  name: 'refresh-paused-in-background',
  description:
    "The app's JWT refresh timer is paused in the background; on resume the SDK's foreground request (`open`) goes out with the " +
    'expired JWT before the refresh lands.',
  platforms: ['android', 'ios'],
  // Staff in the seed thread: "A 5-minute TTL means any gap in your refresh loop (app backgrounded, device asleep, flaky network)
  // can easily leave Android making a request with an expired token."
  source: SEED_THREAD,
  hooks: {
    resume: ({ refreshJwtIfDue, sdkForeground }) => [sdkForeground, refreshJwtIfDue],
  },
};

export const FAULT_PROFILES: readonly SdkProfile[] = [androidStaleJwt, logoutKeepsCache, logoutKeepsSession, loginBeforeJwt, refreshPausedInBackground];

/** The correct profile, the fault profiles, and the false-alarm corpus (corpus-profiles.ts). */
export const BUILT_IN_PROFILES: readonly SdkProfile[] = [correct, ...FAULT_PROFILES, ...CORPUS_PROFILES];
