import { MessengerCookies } from './cookies.ts';
import type { BootReason, CachedConversation, HookContext, IntercomSettings, MessengerCache, ResolvedProfile } from './types.ts';
import { MessengerUi } from './ui.ts';
import { buildRequest, send, type WireResult } from './wire.ts';

declare global {
  interface Window {
    intercomSettings?: IntercomSettings;
  }
}

interface ServedUser {
  type: 'user' | 'lead' | 'none';
  user_id?: string;
  name?: string;
}

interface ServedConversation {
  id: string;
  parts: { body: string }[];
}

const POLL_MS = 60_000;

/**
 * The messenger client behind `window.Intercom`. Commands run one after another, in the order
 * they were issued, so a shutdown always completes before the next boot starts. What a profile
 * changes it changes through its hooks (types.ts); everything else is the correct client.
 */
export class Messenger {
  private settings: IntercomSettings | null = null;
  private user: ServedUser | null = null;
  private chain: Promise<void> = Promise.resolve();
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly cookies: MessengerCookies;
  private readonly deviceId: string;
  private readonly ui: MessengerUi;
  private readonly listeners = { show: [] as (() => void)[], hide: [] as (() => void)[], unread: [] as ((count: number) => void)[] };
  booted = false;
  /** Commands issued and not yet finished: 0 means what the messenger shows is settled. */
  pending = 0;
  /** Counts shutdown calls: work issued in an ended session is not done. */
  private session = 0;
  /** Where requests go: the running boot's `api_base`, else the widget script's origin. */
  apiBase: string;

  constructor(
    private readonly appId: string,
    private readonly defaultApiBase: string,
    private readonly profile: ResolvedProfile,
  ) {
    this.apiBase = defaultApiBase;
    this.cookies = new MessengerCookies(appId);
    this.deviceId = this.cookies.deviceId();
    this.ui = new MessengerUi((text, conversationId) => this.run(() => this.send(text, conversationId)));
  }

  /**
   * Runs one `Intercom(command, ...args)` call. `origin` says where it came from: the page now,
   * the loader's queue stub (issued before the widget loaded), or the widget's own load boot.
   */
  command(name: string, args: unknown[], origin: 'page' | 'queued' | 'load' = 'page'): unknown {
    switch (name) {
      case 'boot':
        return this.run(() => this.boot((args[0] ?? {}) as IntercomSettings, origin === 'load' ? 'load' : 'boot'), false);
      case 'update':
        return this.run(() => this.update((args[0] ?? {}) as Partial<IntercomSettings>));
      case 'shutdown':
        if (origin === 'queued' && this.profile.lifecycle.queuedShutdown(this.context()) === 'drop') return undefined;
        // The session ends when shutdown is called, not when the queue reaches it: work the page asked
        // for before, still waiting its turn, is dropped, and no follow-up request goes out for the
        // ended session (Intercom methods doc: shutdown "clears user data"; that pending work is dropped
        // too is [inferred], as the real widget's calls do not wait on one another).
        this.session++;
        this.stopPolling();
        return this.run(() => this.shutdown(), false);
      // The install snippet calls it when window.Intercom already exists; Intercom's own loader
      // calls it "an obsolete API that no longer does anything" (intercom-rails PR #352).
      case 'reattach_activator':
        return undefined;
      case 'show':
      case 'showMessages':
        return this.run(() => this.show());
      case 'showNewMessage':
        return this.run(async () => {
          await this.show();
          this.ui.setComposer(String(args[0] ?? ''));
        });
      case 'hide':
        return this.run(async () => this.hide());
      case 'trackEvent':
        return this.run(() => this.trackEvent(String(args[0] ?? ''), args[1]));
      case 'getVisitorId':
        return this.cookies.visitorId();
      case 'onShow':
        return this.listen('show', args[0]);
      case 'onHide':
        return this.listen('hide', args[0]);
      case 'onUnreadCountChange':
        return this.listen('unread', args[0]);
      default:
        console.warn(`[intercom-local] unknown command "${name}"`);
        return undefined;
    }
  }

  /** Queues a step; a step `bound` to the session it was issued in is skipped once that session has ended. */
  private run(step: () => Promise<void>, bound = true): Promise<void> {
    const session = this.session;
    this.pending++;
    this.chain = this.chain
      .then(() => (bound && session !== this.session ? undefined : step()))
      .catch((error: unknown) => console.error('[intercom-local]', error))
      .finally(() => this.pending--);
    return this.chain;
  }

  private listen(kind: 'show' | 'hide' | 'unread', callback: unknown): void {
    if (typeof callback === 'function') this.listeners[kind].push(callback as never);
  }

  private context(): HookContext {
    return { settings: this.settings ? { ...this.settings } : null, globalSettings: window.intercomSettings ? { ...window.intercomSettings } : undefined };
  }

  private async boot(given: IntercomSettings, reason: BootReason): Promise<void> {
    this.settings = { ...this.profile.lifecycle.bootSettings({ ...given }, reason, this.context()) };
    // The methods doc: boot takes "the standard intercomSettings object", api_base included; each boot picks its own.
    this.apiBase = typeof this.settings.api_base === 'string' && this.settings.api_base ? this.settings.api_base : this.defaultApiBase;
    this.mirrorSettings();
    await this.ping(this.userData(this.settings));
  }

  private async update(changes: Partial<IntercomSettings>): Promise<void> {
    if (!this.booted || !this.settings) {
      if (this.profile.lifecycle.updateWhenNotBooted({ ...changes }, this.context()) === 'boot') await this.boot(changes as IntercomSettings, 'boot');
      return;
    }
    const { keep, send } = this.profile.lifecycle.update({ ...changes }, { ...this.context(), settings: { ...this.settings } });
    this.settings = { ...keep };
    this.mirrorSettings();
    // A visitor's update carries its anonymous id; an identified messenger sends what the hook says, even nothing.
    const identified = Object.keys(this.userData(this.settings, false)).length > 0;
    await this.ping(identified ? this.userData(send, false) : this.userData(send));
  }

  private mirrorSettings(): void {
    if (this.profile.storage.mirrorSettingsToGlobal && this.settings) window.intercomSettings = { ...this.settings };
  }

  private async shutdown(): Promise<void> {
    const clear = this.profile.storage.clearOnShutdown;
    if (clear.sessionCookie) this.cookies.session = null;
    if (clear.globalSettings) delete window.intercomSettings;
    if (clear.cache) this.cacheArea?.removeItem(this.cacheKey);
    this.settings = null;
    this.user = null;
    this.booted = false;
    this.stopPolling();
    this.ui.unmount();
  }

  private async show(): Promise<void> {
    if (!this.booted) return;
    this.ui.open();
    this.ui.markLoading();
    await this.refreshConversations();
    for (const listener of this.listeners.show) listener();
    this.startPolling();
  }

  private hide(): void {
    this.ui.hide();
    this.stopPolling();
    for (const listener of this.listeners.hide) listener();
  }

  private async trackEvent(name: string, metadata: unknown): Promise<void> {
    if (!this.booted || !this.settings) return;
    await this.post('events', this.userData(this.settings), {
      event_name: name,
      metadata: JSON.stringify(metadata ?? {}),
    });
  }

  private async send(text: string, conversationId: string | null): Promise<void> {
    if (!this.booted || !this.settings) return;
    const session = this.session;
    await this.post('messages', this.userData(this.settings), {
      body: text,
      ...(conversationId ? { conversation_id: conversationId } : {}),
    });
    if (session === this.session) await this.refreshConversations();
  }

  /** user_data as the wire carries it: the identity fields, or the anonymous visitor id. */
  private userData(settings: IntercomSettings, withVisitorFallback = true): Record<string, unknown> {
    const identified: Record<string, unknown> = {};
    for (const key of ['user_id', 'email', 'name', 'intercom_user_jwt'] as const) {
      if (settings[key]) identified[key] = settings[key];
    }
    if (Object.keys(identified).length || !withVisitorFallback) return identified;
    return { anonymous_id: this.cookies.visitorId() };
  }

  private async ping(userData: Record<string, unknown>): Promise<void> {
    const session = this.session;
    const { status, body } = await this.post('ping', userData);
    this.booted = true;
    if (status !== 200) {
      this.user = null;
      this.ui.mountLauncher(0, () => this.command('show', []));
      if (this.ui.isOpen) this.ui.renderError();
      return;
    }
    if (typeof body['anonymous_session'] === 'string') this.cookies.session = body['anonymous_session'];
    this.user = (body['user'] as ServedUser | undefined) ?? null;
    const unread = typeof body['unread_count'] === 'number' ? body['unread_count'] : 0;
    this.ui.mountLauncher(unread, () => this.command('show', []));
    for (const listener of this.listeners.unread) listener(unread);
    if (this.ui.isOpen && session === this.session) await this.refreshConversations();
  }

  /** Builds the correct request, lets the profile's transport hook change it, and sends what it returns. */
  private post(endpoint: string, userData: Record<string, unknown>, extra: Record<string, string> = {}): Promise<WireResult> {
    const request = buildRequest({ endpoint, apiBase: this.apiBase, appId: this.appId, deviceId: this.deviceId, userData, session: this.cookies.session, extra });
    return send(this.profile.transport.request(request, this.context()));
  }

  private async refreshConversations(): Promise<void> {
    if (!this.settings) return;
    const { status, body } = await this.post('conversations', this.userData(this.settings));
    if (status !== 200) {
      this.ui.renderError();
      return;
    }
    const served: MessengerCache = {
      user_name: this.user?.type === 'user' ? this.user.name ?? null : null,
      conversations: ((body['conversations'] as ServedConversation[] | undefined) ?? []).map(
        (conversation): CachedConversation => ({ id: conversation.id, parts: conversation.parts.map((part) => part.body) }),
      ),
    };
    const shown = this.profile.storage.shown(served, this.readCache());
    this.writeCache(shown);
    this.ui.renderConversations(shown.user_name, shown.conversations);
  }

  private startPolling(): void {
    this.stopPolling();
    this.pollTimer = setInterval(() => void this.run(() => this.refreshConversations()), POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private get cacheKey(): string {
    return `intercom-cache-${this.appId}`;
  }

  private get cacheArea(): Storage | null {
    const area = this.profile.storage.cacheArea;
    return area === 'none' ? null : window[area];
  }

  private readCache(): MessengerCache | null {
    try {
      return JSON.parse(this.cacheArea?.getItem(this.cacheKey) ?? 'null') as MessengerCache | null;
    } catch {
      return null;
    }
  }

  private writeCache(cache: MessengerCache): void {
    this.cacheArea?.setItem(this.cacheKey, JSON.stringify(cache));
  }
}
