import type { LifecycleHooks, MessengerCache, MessengerProfile, ResolvedProfile, StorageHooks } from './types.ts';

const METHODS_DOC = 'https://developers.intercom.com/installing-intercom/web/methods';

/** Boot, shutdown and update as the evidence says the real widget does them (docs/intercom-behaviour.md, "Boot, shutdown and window.intercomSettings"). */
const CORRECT_LIFECYCLE: Required<LifecycleHooks> = {
  // Intercom, as reported in react-use-intercom #502: window.intercomSettings is not read by boot in a single-page app.
  bootSettings: (given) => given,
  queuedShutdown: () => 'apply',
  update: (changes, { settings }) => {
    const merged = { ...settings, ...changes };
    return { keep: merged, send: merged };
  },
  // [inferred] no source says what an update does to a messenger that is not booted; it sends nothing here.
  updateWhenNotBooted: () => 'ignore',
};

const CORRECT_STORAGE: ResolvedProfile['storage'] = {
  cacheArea: 'localStorage',
  // react-use-intercom PR #481: the library, not the widget, writes window.intercomSettings.
  mirrorSettingsToGlobal: false,
  // Shutdown clears the session cookie and the user's data (methods doc); the global stays (PR #481).
  clearOnShutdown: { sessionCookie: true, cache: true, globalSettings: false },
  shown: (served) => served,
};

export const CORRECT: MessengerProfile = {
  name: 'correct',
  description: 'Behaves as Intercom documents: shutdown ends the session and clears user data (not window.intercomSettings, which belongs to the page), update resends the JWT.',
  source: METHODS_DOC,
};

/** The JWT in an Authorization header instead of user_data: correct, only written differently. */
export const JWT_IN_AUTHORIZATION_HEADER: MessengerProfile = {
  name: 'jwt-in-authorization-header',
  description: 'Correct, but sends the JWT as "Authorization: Bearer <jwt>" instead of intercom_user_jwt inside user_data.',
  source: 'issue #10 item 6 (a correct client written differently); the mock finds a bearer token in the Authorization header (mock-server/identity/jwt-extractor.ts)',
  transport: {
    request: (request) => {
      const { intercom_user_jwt: jwt, ...userData } = request.userData;
      if (typeof jwt !== 'string' || !jwt) return request;
      return { ...request, userData, headers: { ...request.headers, authorization: `Bearer ${jwt}` } };
    },
  },
};

/** Built-in profiles; each fault changes only the behaviour its report describes. */
export const BUILT_IN_PROFILES: Record<string, MessengerProfile> = {
  correct: CORRECT,
  'queued-shutdown-noop': {
    name: 'queued-shutdown-noop',
    description: 'A shutdown issued before the messenger finished loading is dropped, so the session cookie survives and the next boot resumes the previous user.',
    source: 'Intercom Community, "Issue with Web Messenger after Intercom(\'shutdown\') and Intercom(\'boot\')" https://community.intercom.com/apps-integrations-25/issue-with-web-messenger-after-intercom-shutdown-and-intercom-boot-11090',
    lifecycle: { queuedShutdown: () => 'drop' },
  },
  'keeps-settings': {
    name: 'keeps-settings',
    description: 'The booted settings (user id, JWT) are kept in window.intercomSettings, shutdown leaves them, and the next boot starts from them under its own.',
    source: 'https://github.com/devrnt/react-use-intercom/pull/481 ("Authenticated user sessions are still persisting even after shutdown is called", react-use-intercom <= 1.5.2); nhagen/react-intercom #39',
    storage: { mirrorSettingsToGlobal: true },
    lifecycle: { bootSettings: (given, _reason, { globalSettings }) => ({ ...globalSettings, ...given }) },
  },
  'update-ignores-jwt': {
    name: 'update-ignores-jwt',
    description: 'update() drops a new intercom_user_jwt: the update goes out without a JWT and later requests keep the boot token.',
    source: 'Intercom Community thread 13353, https://community.intercom.com/messenger-8/conversations-not-refetched-after-user-is-authenticated-with-jwt-13353; identified updates must resend the JWT: https://www.intercom.com/help/en/articles/10589769-authenticating-users-in-the-messenger-with-json-web-tokens-jwts',
    lifecycle: { update: dropJwtFromUpdate },
  },
  'cache-survives-shutdown': {
    name: 'cache-survives-shutdown',
    description: 'The locally cached conversation list survives shutdown and is shown to whoever opens the messenger next.',
    source: 'https://github.com/3drepo/3drepo.io/issues/3371 and vue-intercom #11 (shutdown left local data behind)',
    storage: { clearOnShutdown: { cache: false }, shown: mergeWithCache },
  },
  'jwt-in-authorization-header': JWT_IN_AUTHORIZATION_HEADER,
};

function dropJwtFromUpdate(changes: Parameters<Required<LifecycleHooks>['update']>[0], { settings }: Parameters<Required<LifecycleHooks>['update']>[1]) {
  const { intercom_user_jwt: _dropped, ...rest } = changes;
  // What goes out is the changes alone, without a JWT; what is kept is still the boot token.
  return { keep: { ...settings, ...rest }, send: rest as typeof settings };
}

/** The cache's conversations the server did not serve, then the served ones; the cached name when none was served. */
export function mergeWithCache(served: MessengerCache, cached: MessengerCache | null): MessengerCache {
  if (!cached) return served;
  const servedIds = new Set(served.conversations.map((conversation) => conversation.id));
  return {
    user_name: served.user_name ?? cached.user_name,
    conversations: [...cached.conversations.filter((conversation) => !servedIds.has(conversation.id)), ...served.conversations],
  };
}

/** The hooks the boolean shorthands of a profile stand for. */
function hooksOf(profile: MessengerProfile): { storage: StorageHooks; lifecycle: LifecycleHooks } {
  const storage: StorageHooks = {};
  const lifecycle: LifecycleHooks = {};
  const clear: NonNullable<StorageHooks['clearOnShutdown']> = {};
  if (profile.applyQueuedShutdown === false) lifecycle.queuedShutdown = () => 'drop';
  if (profile.clearGlobalSettingsOnShutdown !== undefined) clear.globalSettings = profile.clearGlobalSettingsOnShutdown;
  if (profile.bootMergesGlobalSettings) {
    storage.mirrorSettingsToGlobal = true;
    lifecycle.bootSettings = (given, _reason, { globalSettings }) => ({ ...globalSettings, ...given });
  }
  if (profile.updateAppliesJwt === false) lifecycle.update = dropJwtFromUpdate;
  if (profile.clearCacheOnShutdown !== undefined) clear.cache = profile.clearCacheOnShutdown;
  if (profile.showMergesCache) storage.shown = mergeWithCache;
  storage.clearOnShutdown = clear;
  return { storage, lifecycle };
}

const CACHE_AREAS = ['localStorage', 'sessionStorage', 'none'] as const;

/** Fills a profile with the correct behaviour for every hook it leaves out; hooks win over shorthands. */
export function resolveProfile(profile: MessengerProfile): ResolvedProfile {
  const shorthand = hooksOf(profile);
  const storage = profile.storage ?? {};
  const resolved: ResolvedProfile = {
    name: profile.name,
    transport: { request: profile.transport?.request ?? ((request) => request) },
    storage: {
      ...CORRECT_STORAGE,
      ...definedOnly(shorthand.storage),
      ...definedOnly(storage),
      clearOnShutdown: { ...CORRECT_STORAGE.clearOnShutdown, ...shorthand.storage.clearOnShutdown, ...storage.clearOnShutdown },
    },
    lifecycle: { ...CORRECT_LIFECYCLE, ...definedOnly(shorthand.lifecycle), ...definedOnly(profile.lifecycle ?? {}) },
  };
  if (!CACHE_AREAS.includes(resolved.storage.cacheArea)) {
    throw new Error(`profile "${profile.name}": storage.cacheArea must be one of ${CACHE_AREAS.join(', ')}, not ${JSON.stringify(resolved.storage.cacheArea)}`);
  }
  const hooks: Record<string, unknown> = {
    'transport.request': resolved.transport.request,
    'storage.shown': resolved.storage.shown,
    ...Object.fromEntries(Object.entries(resolved.lifecycle).map(([name, hook]) => [`lifecycle.${name}`, hook])),
  };
  for (const [name, hook] of Object.entries(hooks)) {
    if (typeof hook !== 'function') throw new Error(`profile "${profile.name}": ${name} must be a function, not ${typeof hook}`);
  }
  return resolved;
}

function definedOnly<T extends object>(hooks: T): Partial<T> {
  return Object.fromEntries(Object.entries(hooks).filter(([key, value]) => value !== undefined && key !== 'clearOnShutdown')) as Partial<T>;
}
