/**
 * Entry of the local web messenger, served by the mock at `/widget/<app_id>`. Like Intercom's
 * widget it replaces the loader's queue stub with the real `window.Intercom` and drains the
 * calls queued before it loaded. The profile comes from the script URL (`?profile=<name>` or
 * `?profile_module=<url of an ES module>`) or `intercomSettings.mock_profile`, without rebuilding.
 */
import { Messenger } from './messenger.ts';
import { BUILT_IN_PROFILES, completeProfile } from './profiles.ts';
import type { MessengerProfile } from './types.ts';

type IntercomFunction = ((command: string, ...args: unknown[]) => unknown) & { q?: unknown[][]; booted?: boolean; pending?: number };

declare global {
  interface Window {
    Intercom?: IntercomFunction;
    intercomMessengerInfo?: { profile: string; appId: string; apiBase: string; error?: string };
  }
}

async function loadProfile(url: URL): Promise<MessengerProfile> {
  const moduleUrl = url.searchParams.get('profile_module');
  if (moduleUrl) {
    const loaded = (await import(/* @vite-ignore */ moduleUrl)) as { default?: MessengerProfile };
    if (!loaded.default?.name) throw new Error(`profile module ${moduleUrl} has no default export with a name`);
    return loaded.default;
  }
  const name = url.searchParams.get('profile') ?? String(window.intercomSettings?.['mock_profile'] ?? 'correct');
  const profile = BUILT_IN_PROFILES[name];
  if (!profile) throw new Error(`unknown messenger profile "${name}"; built-in: ${Object.keys(BUILT_IN_PROFILES).join(', ')}`);
  return profile;
}

async function start(): Promise<void> {
  const script = document.currentScript as HTMLScriptElement | null;
  const url = new URL(script?.src ?? location.href);
  const appId = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  const apiBase = String(window.intercomSettings?.api_base ?? url.searchParams.get('api_base') ?? url.origin);
  let profile: MessengerProfile;
  try {
    profile = await loadProfile(url);
  } catch (error) {
    window.intercomMessengerInfo = { profile: 'none', appId, apiBase, error: (error as Error).message };
    console.error(`[intercom-local] ${(error as Error).message}`);
    return;
  }
  const messenger = new Messenger(appId, apiBase, completeProfile(profile));
  const queued = window.Intercom?.q ?? [];
  const intercom: IntercomFunction = (command, ...args) => messenger.command(command, args, false);
  Object.defineProperty(intercom, 'booted', { get: () => messenger.booted });
  // Not Intercom API: lets a test wait until every issued command has finished.
  Object.defineProperty(intercom, 'pending', { get: () => messenger.pending });
  window.Intercom = intercom;
  window.intercomMessengerInfo = { profile: profile.name, appId, apiBase };
  for (const [command, ...args] of queued) messenger.command(String(command), args, true);
}

void start();
