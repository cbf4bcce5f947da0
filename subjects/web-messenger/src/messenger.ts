import { MessengerCookies } from './cookies.ts';
import type { CachedConversation, IntercomSettings, MessengerCache, MessengerProfile } from './types.ts';
import { MessengerUi } from './ui.ts';
import { MessengerWire } from './wire.ts';

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
 * they were issued, so a shutdown always completes before the next boot starts.
 */
export class Messenger {
  private settings: IntercomSettings | null = null;
  private user: ServedUser | null = null;
  private chain: Promise<void> = Promise.resolve();
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private readonly cookies: MessengerCookies;
  private readonly wire: MessengerWire;
  private readonly ui: MessengerUi;
  private readonly listeners = { show: [] as (() => void)[], hide: [] as (() => void)[], unread: [] as ((count: number) => void)[] };
  booted = false;
  /** Commands issued and not yet finished: 0 means what the messenger shows is settled. */
  pending = 0;

  constructor(
    private readonly appId: string,
    apiBase: string,
    private readonly profile: Required<MessengerProfile>,
  ) {
    this.cookies = new MessengerCookies(appId);
    this.wire = new MessengerWire(apiBase, appId, this.cookies.deviceId());
    this.ui = new MessengerUi((text, conversationId) => this.run(() => this.send(text, conversationId)));
  }

  /** Runs one `Intercom(command, ...args)` call; `queued` says it waited in the loader's stub. */
  command(name: string, args: unknown[], queued: boolean): unknown {
    switch (name) {
      case 'boot':
        return this.run(() => this.boot((args[0] ?? {}) as IntercomSettings));
      case 'update':
        return this.run(() => this.update((args[0] ?? {}) as Partial<IntercomSettings>));
      case 'shutdown':
        if (queued && !this.profile.applyQueuedShutdown) return undefined;
        return this.run(() => this.shutdown());
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

  private run(step: () => Promise<void>): Promise<void> {
    this.pending++;
    this.chain = this.chain
      .then(step)
      .catch((error: unknown) => console.error('[intercom-local]', error))
      .finally(() => this.pending--);
    return this.chain;
  }

  private listen(kind: 'show' | 'hide' | 'unread', callback: unknown): void {
    if (typeof callback === 'function') this.listeners[kind].push(callback as never);
  }

  private async boot(given: IntercomSettings): Promise<void> {
    const leftover = this.profile.bootMergesGlobalSettings ? window.intercomSettings : undefined;
    this.settings = { ...leftover, ...given };
    window.intercomSettings = { ...this.settings };
    await this.ping(this.userData(this.settings));
  }

  private async update(changes: Partial<IntercomSettings>): Promise<void> {
    if (!this.booted || !this.settings) return;
    if (this.profile.updateAppliesJwt) {
      this.settings = { ...this.settings, ...changes };
      window.intercomSettings = { ...this.settings };
      await this.ping(this.userData(this.settings));
      return;
    }
    const { intercom_user_jwt: _dropped, ...rest } = changes;
    this.settings = { ...this.settings, ...rest };
    await this.ping(this.userData(rest as IntercomSettings, false));
  }

  private async shutdown(): Promise<void> {
    this.cookies.session = null;
    if (this.profile.clearGlobalSettingsOnShutdown) delete window.intercomSettings;
    if (this.profile.clearCacheOnShutdown) localStorage.removeItem(this.cacheKey);
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
    await this.wire.post('events', this.userData(this.settings), this.cookies.session, {
      event_name: name,
      metadata: JSON.stringify(metadata ?? {}),
    });
  }

  private async send(text: string, conversationId: string | null): Promise<void> {
    if (!this.booted || !this.settings) return;
    await this.wire.post('messages', this.userData(this.settings), this.cookies.session, {
      body: text,
      ...(conversationId ? { conversation_id: conversationId } : {}),
    });
    await this.refreshConversations();
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
    const { status, body } = await this.wire.post('ping', userData, this.cookies.session);
    this.booted = true;
    if (status !== 200) {
      this.user = null;
      this.ui.mountLauncher(0, () => this.command('show', [], false));
      if (this.ui.isOpen) this.ui.renderError();
      return;
    }
    if (typeof body['anonymous_session'] === 'string') this.cookies.session = body['anonymous_session'];
    this.user = (body['user'] as ServedUser | undefined) ?? null;
    const unread = typeof body['unread_count'] === 'number' ? body['unread_count'] : 0;
    this.ui.mountLauncher(unread, () => this.command('show', [], false));
    for (const listener of this.listeners.unread) listener(unread);
    if (this.ui.isOpen) await this.refreshConversations();
  }

  private async refreshConversations(): Promise<void> {
    if (!this.settings) return;
    const { status, body } = await this.wire.post('conversations', this.userData(this.settings), this.cookies.session);
    if (status !== 200) {
      this.ui.renderError();
      return;
    }
    const served = ((body['conversations'] as ServedConversation[] | undefined) ?? []).map(
      (conversation): CachedConversation => ({ id: conversation.id, parts: conversation.parts.map((part) => part.body) }),
    );
    const name = this.user?.type === 'user' ? this.user.name ?? null : null;
    const cached = this.readCache();
    const shown = this.profile.showMergesCache && cached ? mergeConversations(cached.conversations, served) : served;
    const shownName = name ?? (this.profile.showMergesCache ? cached?.user_name ?? null : null);
    this.writeCache({ user_name: shownName, conversations: shown });
    this.ui.renderConversations(shownName, shown);
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

  private readCache(): MessengerCache | null {
    try {
      return JSON.parse(localStorage.getItem(this.cacheKey) ?? 'null') as MessengerCache | null;
    } catch {
      return null;
    }
  }

  private writeCache(cache: MessengerCache): void {
    localStorage.setItem(this.cacheKey, JSON.stringify(cache));
  }
}

function mergeConversations(cached: CachedConversation[], served: CachedConversation[]): CachedConversation[] {
  const servedIds = new Set(served.map((conversation) => conversation.id));
  return [...cached.filter((conversation) => !servedIds.has(conversation.id)), ...served];
}
