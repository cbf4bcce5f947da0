import type { MessengerProfile } from './types.ts';

export const CORRECT: Required<MessengerProfile> = {
  name: 'correct',
  description: 'Behaves as Intercom documents: shutdown ends the session and clears user data, update resends the JWT.',
  source: 'https://developers.intercom.com/installing-intercom/web/methods',
  applyQueuedShutdown: true,
  clearGlobalSettingsOnShutdown: true,
  bootMergesGlobalSettings: false,
  updateAppliesJwt: true,
  clearCacheOnShutdown: true,
  showMergesCache: false,
};

/** Built-in fault profiles; each changes only the behaviour its report describes. */
export const BUILT_IN_PROFILES: Record<string, MessengerProfile> = {
  correct: CORRECT,
  'queued-shutdown-noop': {
    name: 'queued-shutdown-noop',
    description: 'A shutdown issued before the messenger finished loading is dropped, so the session cookie survives and the next boot resumes the previous user.',
    source: 'Intercom Community, "Issue with Web Messenger after Intercom(\'shutdown\') and Intercom(\'boot\')" https://community.intercom.com/apps-integrations-25/issue-with-web-messenger-after-intercom-shutdown-and-intercom-boot-11090',
    applyQueuedShutdown: false,
  },
  'keeps-settings': {
    name: 'keeps-settings',
    description: 'Shutdown leaves window.intercomSettings (user id, JWT) in place and the next boot merges it.',
    source: 'https://github.com/devrnt/react-use-intercom/pull/481 (react-use-intercom <= 1.5.2)',
    clearGlobalSettingsOnShutdown: false,
    bootMergesGlobalSettings: true,
  },
  'update-ignores-jwt': {
    name: 'update-ignores-jwt',
    description: 'update() drops a new intercom_user_jwt: the update goes out without a JWT and later requests keep the boot token.',
    source: 'Intercom Community thread 13353, https://community.intercom.com/messenger-8/conversations-not-refetched-after-user-is-authenticated-with-jwt-13353; identified updates must resend the JWT: https://www.intercom.com/help/en/articles/10589769-authenticating-users-in-the-messenger-with-json-web-tokens-jwts',
    updateAppliesJwt: false,
  },
  'cache-survives-shutdown': {
    name: 'cache-survives-shutdown',
    description: 'The locally cached conversation list survives shutdown and is shown to whoever opens the messenger next.',
    source: 'https://github.com/3drepo/3drepo.io/issues/3371 and vue-intercom #11 (shutdown left local data behind)',
    clearCacheOnShutdown: false,
    showMergesCache: true,
  },
};

/** Fills a partial profile with the correct behaviour for every hook it leaves out. */
export function completeProfile(profile: MessengerProfile): Required<MessengerProfile> {
  return { ...CORRECT, ...profile };
}
