/** Public types of the local web messenger: the settings it boots with and its profiles' hooks. */

export interface IntercomSettings {
  app_id: string;
  api_base?: string;
  user_id?: string;
  email?: string;
  name?: string;
  intercom_user_jwt?: string;
  [key: string]: unknown;
}

/** A conversation as the messenger caches and renders it. */
export interface CachedConversation {
  id: string;
  parts: string[];
}

export interface MessengerCache {
  user_name: string | null;
  conversations: CachedConversation[];
}

/** One request the messenger is about to send; a transport hook returns the one to send instead. */
export interface OutgoingRequest {
  /** `ping`, `conversations`, `messages` or `events`: the path under `{api_base}/messenger/web/`. */
  endpoint: string;
  /** The API base the boot chose (its `api_base`, else the widget script's origin). */
  apiBase: string;
  /** The JWT the messenger holds for this request (`intercom_user_jwt` of its settings), or null. */
  jwt: string | null;
  /** `user_data` before it is JSON-encoded: the identity fields, `intercom_user_jwt` included. */
  userData: Record<string, unknown>;
  /** The other form fields (`app_id`, `v`, `platform`, `device_identifier`, …). */
  fields: Record<string, string>;
  /** Request headers; the correct messenger sends none of its own. */
  headers: Record<string, string>;
}

/** What the messenger knows when it asks a hook. */
export interface HookContext {
  /** The settings the messenger runs with now (null when not booted). */
  settings: IntercomSettings | null;
  /** The page's `window.intercomSettings` at this moment. */
  globalSettings: IntercomSettings | undefined;
}

/** Transport: which token and fields go to which endpoint, in the header or the body. */
export interface TransportHooks {
  /** Returns the request to send. Default: the request as given (JWT inside `user_data`). */
  request?: (request: OutgoingRequest, context: HookContext) => OutgoingRequest;
}

/** Storage: what is cached where, and what shutdown clears. */
export interface StorageHooks {
  /** Where the conversation cache is kept: `localStorage` (default), `sessionStorage`, or `none`. */
  cacheArea?: 'localStorage' | 'sessionStorage' | 'none';
  /** Mirror the running settings into `window.intercomSettings` at boot and update. Default: false (the real widget does not write it). */
  mirrorSettingsToGlobal?: boolean;
  /** What shutdown clears. Default: the session cookie and the cache, not `window.intercomSettings`. */
  clearOnShutdown?: { sessionCookie?: boolean; cache?: boolean; globalSettings?: boolean };
  /** What the open messenger shows, from what the server served and what is cached. Default: what was served. */
  shown?: (served: MessengerCache, cached: MessengerCache | null) => MessengerCache;
}

/** Why a boot happens: an explicit `boot` call, or the widget booting itself from `window.intercomSettings` on load. */
export type BootReason = 'boot' | 'load';

/** Boot, shutdown and update semantics. */
export interface LifecycleHooks {
  /** The settings a boot starts from. Default: the boot's own settings (a leftover global is not read). */
  bootSettings?: (given: IntercomSettings, reason: BootReason, context: HookContext) => IntercomSettings;
  /** A shutdown queued before the messenger loaded: `apply` (default) or `drop`. */
  queuedShutdown?: (context: HookContext) => 'apply' | 'drop';
  /**
   * An update while booted: the settings the messenger keeps and the settings the update sends.
   * Default: both are the current settings with the changes merged over them.
   */
  update?: (changes: Partial<IntercomSettings>, context: HookContext & { settings: IntercomSettings }) => { keep: IntercomSettings; send: IntercomSettings };
  /** An update while not booted (before any boot, or after shutdown): `ignore` (default) or `boot` from the changes. */
  updateWhenNotBooted?: (changes: Partial<IntercomSettings>, context: HookContext) => 'ignore' | 'boot';
}

/**
 * The boolean shorthands of the first profile format; each stands for a hook (see
 * `hooksOf` in profiles.ts). A profile may mix them with hooks; a hook given wins.
 */
export interface ProfileShorthands {
  /** false: `lifecycle.queuedShutdown` drops a shutdown queued before load. */
  applyQueuedShutdown?: boolean;
  /** true: `storage.clearOnShutdown.globalSettings`, shutdown deletes window.intercomSettings. */
  clearGlobalSettingsOnShutdown?: boolean;
  /** true: the settings are mirrored into window.intercomSettings and a boot merges a leftover under its own. */
  bootMergesGlobalSettings?: boolean;
  /** false: update drops a new intercom_user_jwt from what it sends and keeps. */
  updateAppliesJwt?: boolean;
  /** false: shutdown leaves the conversation cache. */
  clearCacheOnShutdown?: boolean;
  /** true: the open messenger shows the cache merged with what the server served. */
  showMergesCache?: boolean;
}

/**
 * A messenger behaviour: hooks over the correct client; anything left out behaves correctly.
 * Every built-in fault models a failure reported in public; `source` cites it. A profile module
 * outside the project default-exports one of these (README, "Messenger profiles").
 */
export interface MessengerProfile extends ProfileShorthands {
  name: string;
  description: string;
  source: string;
  transport?: TransportHooks;
  storage?: StorageHooks;
  lifecycle?: LifecycleHooks;
}

/** A profile with every hook filled in: what the messenger runs. */
export interface ResolvedProfile {
  name: string;
  transport: Required<TransportHooks>;
  storage: Required<Omit<StorageHooks, 'clearOnShutdown'>> & { clearOnShutdown: Required<NonNullable<StorageHooks['clearOnShutdown']>> };
  lifecycle: Required<LifecycleHooks>;
}
