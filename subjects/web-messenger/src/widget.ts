/**
 * Entry of the local web messenger, served by the mock at `/widget/<app_id>`. Like Intercom's
 * widget it replaces the loader's queue stub with the real `window.Intercom` and drains the
 * calls queued before it loaded. The profile comes from the script URL (`?profile=<name>` or
 * `?profile_module=<url of an ES module>`) or `intercomSettings.mock_profile`, without rebuilding.
 */
import { Messenger } from './messenger.ts';
import { BUILT_IN_PROFILES, resolveProfile } from './profiles.ts';
import type { MessengerProfile, ResolvedProfile } from './types.ts';

type IntercomFunction = ((command: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[]; booted?: boolean; pending?: number };

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
  // Used when a boot gives no api_base: a widget served by the mock talks to the mock.
  const defaultApiBase = url.searchParams.get('api_base') ?? url.origin;
  let profile: ResolvedProfile;
  try {
    profile = resolveProfile(await loadProfile(url));
  } catch (error) {
    window.intercomMessengerInfo = { profile: 'none', appId, apiBase: defaultApiBase, error: (error as Error).message };
    console.error(`[intercom-local] ${(error as Error).message}`);
    return;
  }
  const messenger = new Messenger(appId, defaultApiBase, profile);
  // The stub's queue holds `arguments` objects (the snippet) or arrays (hand-written stubs).
  const queued = Array.from(window.Intercom?.q ?? [], (call) => Array.from(call));
  const intercom: IntercomFunction = (command, ...args) => messenger.command(command, args);
  Object.defineProperty(intercom, 'booted', { get: () => messenger.booted });
  // Not Intercom API: lets a test wait until every issued command has finished.
  Object.defineProperty(intercom, 'pending', { get: () => messenger.pending });
  window.Intercom = intercom;
  window.intercomMessengerInfo = {
    profile: profile.name,
    appId,
    get apiBase() {
      return messenger.apiBase;
    },
  };
  // The classic install and @intercom/messenger-js-sdk (0.0.20, dist/index.js) only set
  // window.intercomSettings and never call boot: the widget boots from it when it loads, unless
  // the page queued a boot of its own. Queued calls (an update, say) then apply to that session.
  const settings = window.intercomSettings;
  if (settings?.app_id && !queued.some(([command]) => command === 'boot')) messenger.command('boot', [{ ...settings }], 'load');
  for (const [command, ...args] of queued) messenger.command(String(command), args, 'queued');
}

void start();
