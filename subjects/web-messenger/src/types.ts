/** Public types of the local web messenger: the settings it boots with and its fault profiles. */

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

/**
 * A messenger behaviour: data plus small hooks over the correct client. Every built-in fault
 * models a failure reported in public; `source` cites it. A profile module outside the project
 * default-exports one of these (see README).
 */
export interface MessengerProfile {
  name: string;
  description: string;
  source: string;
  /** A shutdown queued before the messenger loaded: apply it (true, correct) or drop it. */
  applyQueuedShutdown?: boolean;
  /** Shutdown deletes window.intercomSettings (true, correct) or leaves it for the next boot. */
  clearGlobalSettingsOnShutdown?: boolean;
  /** Boot merges a leftover window.intercomSettings under the new settings. */
  bootMergesGlobalSettings?: boolean;
  /** update() applies a new intercom_user_jwt to itself and later requests (true, correct). */
  updateAppliesJwt?: boolean;
  /** Shutdown clears the locally cached conversations (true, correct). */
  clearCacheOnShutdown?: boolean;
  /** Opening the messenger merges the local cache into what the server returned. */
  showMergesCache?: boolean;
}
