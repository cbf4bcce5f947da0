import { ANDROID_ALREADY_REGISTERED } from '../constants.ts';
import type { EventLog } from '../event-log.ts';
import { fingerprint } from '../fingerprint.ts';
import { NetworkError } from '../net/post-json.ts';
import type { ConversationView, HookContext, MessengerCache, MessengerUser, MessengerView, SdkResponse, SimPlatform } from '../types.ts';
import type { MessengerTransport } from './messenger-transport.ts';
import type { ActiveHooks } from './profile-hooks.ts';
import { IntercomSdkError } from './sdk-errors.ts';
import type { SendOrder } from './send-order.ts';

export interface UserAttributes {
  userId?: string;
  email?: string;
}

export interface SdkModelDeps {
  platform: SimPlatform;
  transport: MessengerTransport;
  hooks: ActiveHooks;
  events: EventLog;
  sendOrder: SendOrder;
  /** Who the hooks run for; the SDK adds send, enqueue and flush. */
  hookContext: Omit<HookContext, 'send' | 'enqueue' | 'flush'>;
}

/** The identity fields a request goes out with, fixed when it was queued. */
interface IdentitySnapshot {
  jwt: string | null;
  session: string | null;
  user: Record<string, unknown> | null;
}

interface QueuedRequest {
  path: string;
  fields: Record<string, unknown>;
  identity: IdentitySnapshot;
}

type Registration = { kind: 'identified'; userId: string | null; email: string | null } | { kind: 'unidentified' };

interface Sent {
  body: Record<string, unknown>;
  /** The JWT that went out with the request (the profile's `requestJwt` decides). */
  jwt: string | null;
}

const SOMETHING_WENT_WRONG = "Something's gone wrong";

/**
 * A model of the Intercom mobile SDK (iOS 19.x / Android 17.x, as wrapped by React Native):
 * `setUserJwt`, `loginUserWithUserAttributes`, `loginUnidentifiedUser`, `updateUser`, `logout`,
 * `present`. It keeps what the real SDK keeps — the JWT, the session token from the `users`
 * response, the registered user, and a local cache the messenger UI renders — and speaks the
 * mobile wire format: JSON bodies with `device_identifier`, `intercom_user_jwt` whenever a JWT is
 * set, `session` once one was issued, `user` for an identified user.
 */
export class IntercomSdkModel {
  private jwt: string | null = null;
  /** The JWT the latest setUserJwt replaced. */
  private previousJwt: string | null = null;
  private readonly queue: QueuedRequest[] = [];
  private readonly context: HookContext;
  private sessionToken: string | null = null;
  /** The JWT that went out with the `users` request that opened the live session. */
  private sessionJwt: string | null = null;
  private registration: Registration | null = null;
  /** Bumped whenever the registered user changes; a response to an older generation is dropped (Android's UserIdentityInterceptor). */
  private generation = 0;
  private cache: MessengerCache = emptyCache();
  private messengerVisible = false;
  private messengerError: string | null = null;

  constructor(private readonly deps: SdkModelDeps) {
    this.context = {
      ...deps.hookContext,
      send: async (path, fields = {}) => this.exchange(path, fields, null),
      enqueue: (path, fields = {}) => {
        this.queue.push({ path, fields, identity: { jwt: this.jwt, session: this.sessionToken, user: this.userField() } });
      },
      flush: async () => {
        for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.exchange(next.path, next.fields, next.identity);
      },
    };
  }

  /** The context the profile's hooks run with (the app's hooks too). */
  get hookContext(): HookContext {
    return this.context;
  }

  /** Every request from now on carries this JWT (the profile's `requestJwt` hook may say otherwise). */
  setUserJwt(jwt: string): void {
    if (typeof jwt !== 'string' || jwt === '') throw new IntercomSdkError('invalid_jwt', 'setUserJwt needs a non-empty JWT string');
    this.deps.sendOrder.record('setUserJwt', jwt);
    if (this.jwt !== jwt) this.previousJwt = this.jwt;
    this.jwt = jwt;
    this.deps.events.record('sdk.setUserJwt', `jwt ${fingerprint(jwt)}`);
  }

  async loginUserWithUserAttributes(attributes: UserAttributes): Promise<void> {
    const userId = attributes.userId || null;
    const email = attributes.email || null;
    if (!userId && !email) throw new IntercomSdkError('invalid_registration', 'loginUserWithUserAttributes needs a userId or an email');
    const next: Registration = { kind: 'identified', userId, email };
    this.deps.sendOrder.record('loginUserWithUserAttributes');
    if (this.alreadyRegistered(next)) return;
    this.deps.events.record('sdk.login', `identified user ${userId ?? email}`);
    await this.register(next);
  }

  async loginUnidentifiedUser(): Promise<void> {
    const next: Registration = { kind: 'unidentified' };
    this.deps.sendOrder.record('loginUnidentifiedUser');
    if (this.alreadyRegistered(next)) return;
    this.deps.events.record('sdk.login', 'unidentified user');
    await this.register(next);
  }

  async updateUser(attributes: Record<string, unknown>): Promise<void> {
    if (!this.registration) throw new IntercomSdkError('no_user', 'updateUser needs a registered user: log one in first');
    this.deps.events.record('sdk.updateUser', Object.keys(attributes).join(', ') || '(nothing)');
    const sent = await this.send('users', { user: { ...this.userField(), ...attributes } });
    this.absorbUser(sent.body['user']);
  }

  /**
   * "Dismiss any Intercom UI and clear Intercom's local cache" — as far as the profile lets it.
   * The call is the logout boundary: it is logged with the send counter before anything else.
   */
  async logout(): Promise<void> {
    this.deps.sendOrder.record('logout');
    const generation = this.generation;
    const plan = await this.deps.hooks.logout(this.context);
    // Nothing the SDK does for another user may be undone by a logout hook that took its time.
    if (generation !== this.generation) return;
    this.registration = null;
    this.generation += 1;
    if (plan.forgetJwt) this.jwt = null;
    if (plan.forgetSession) {
      this.sessionToken = null;
      this.sessionJwt = null;
    }
    if (plan.clearCache) this.cache = emptyCache();
    if (plan.dismissMessenger) this.dismissMessenger();
    const kept = Object.entries(plan).filter(([, done]) => !done).map(([step]) => step);
    this.deps.events.record('sdk.logout', kept.length ? `skipped: ${kept.join(', ')}` : 'complete');
  }

  /**
   * Opens the messenger: it shows at once, rendered from the local cache, then fetches `open` and
   * `conversations`. A failure stays on screen as "Something's gone wrong" and is thrown.
   */
  async present(): Promise<void> {
    if (!this.registration) throw new IntercomSdkError('no_user', 'present() needs a registered user: call loginUserWithUserAttributes or loginUnidentifiedUser first');
    this.messengerVisible = true;
    this.messengerError = null;
    this.deps.events.record('sdk.present', 'messenger shown');
    try {
      const opened = await this.send('open');
      this.absorbUser(opened.body['user']);
      const listed = await this.send('conversations');
      this.cache.conversations = parseConversations(listed.body['conversations']);
    } catch (error) {
      if (error instanceof IntercomSdkError && error.code !== 'identity_changed') this.messengerError = `${SOMETHING_WENT_WRONG} (${error.describe()})`;
      throw error;
    }
  }

  dismissMessenger(): void {
    this.messengerVisible = false;
    this.messengerError = null;
  }

  /** Replies in a conversation, or starts one when `conversationId` is null. */
  async sendMessage(conversationId: string | null, text: string): Promise<void> {
    if (!this.registration) throw new IntercomSdkError('no_user', 'sending a message needs a registered user');
    const sent = conversationId ? await this.send(`conversations/${encodeURIComponent(conversationId)}/reply`, { body: text }) : await this.send('messages', { body: text });
    const [conversation] = parseConversations([sent.body['conversation']]);
    if (!conversation) return;
    const index = this.cache.conversations.findIndex((candidate) => candidate.id === conversation.id);
    if (index >= 0) this.cache.conversations[index] = conversation;
    else this.cache.conversations.unshift(conversation);
  }

  /** The SDK's work when the app comes to the foreground: `POST open` for a registered user. */
  async handleForeground(): Promise<void> {
    if (!this.registration) return;
    const opened = await this.send('open');
    this.absorbUser(opened.body['user']);
  }

  view(): MessengerView {
    return {
      visible: this.messengerVisible,
      error: this.messengerError,
      user: this.cache.user,
      conversations: this.cache.conversations,
      unreadCount: this.cache.unreadCount,
    };
  }

  describe(): { registered: string | null; jwt_fingerprint: string | null; session: boolean; messenger_visible: boolean } {
    const registered = !this.registration ? null : this.registration.kind === 'unidentified' ? '(unidentified)' : (this.registration.userId ?? this.registration.email);
    return { registered, jwt_fingerprint: this.jwt ? fingerprint(this.jwt) : null, session: this.sessionToken !== null, messenger_visible: this.messengerVisible };
  }

  /**
   * Android refuses a second registration without logout() (error 3002). iOS accepts the same user
   * again as a no-op and lets another user replace the registration.
   */
  private alreadyRegistered(next: Registration): boolean {
    if (!this.registration) return false;
    if (this.deps.platform === 'android') {
      this.deps.events.record('sdk.login', `refused: ${ANDROID_ALREADY_REGISTERED.code}`);
      throw new IntercomSdkError(ANDROID_ALREADY_REGISTERED.code, ANDROID_ALREADY_REGISTERED.message);
    }
    if (sameRegistration(this.registration, next)) return true;
    this.sessionToken = null;
    this.sessionJwt = null;
    return false;
  }

  /** `POST users`: registers the user and keeps the session token the response hands out. */
  private async register(registration: Registration): Promise<void> {
    this.registration = registration;
    this.generation += 1;
    const sent = await this.send('users');
    const session = sent.body['session'];
    if (typeof session === 'string' && session !== '') {
      this.sessionToken = session;
      this.sessionJwt = sent.jwt;
    }
    this.absorbUser(sent.body['user']);
    const unread = sent.body['unread_count'];
    if (typeof unread === 'number') this.cache.unreadCount = unread;
  }

  private async send(path: string, fields: Record<string, unknown> = {}): Promise<Sent> {
    const generation = this.generation;
    const { response, jwt } = await this.transmit(path, fields, null);
    if (generation !== this.generation) {
      throw new IntercomSdkError('identity_changed', `response to ${path} dropped: the registered user changed while the request was in flight`);
    }
    if (response.status >= 400) throw errorOf(path, response.status, response.body);
    return { body: response.body, jwt };
  }

  /** A request a hook sent or queued: answered as is, whatever its status. */
  private async exchange(path: string, fields: Record<string, unknown>, identity: IdentitySnapshot | null): Promise<SdkResponse> {
    return (await this.transmit(path, fields, identity)).response;
  }

  /**
   * Builds and sends one request: numbered first (the send order is the moment the SDK starts
   * sending), then the JWT (the profile's requestJwt), session and user of the moment — or those
   * of `identity`, for a queued request — then the profile's beforeRequest, then the wire.
   */
  private async transmit(path: string, fields: Record<string, unknown>, identity: IdentitySnapshot | null): Promise<{ response: SdkResponse; jwt: string | null }> {
    const sent = this.deps.sendOrder.next();
    const { hooks, sendOrder } = this.deps;
    const now = identity ?? {
      jwt: await hooks.requestJwt(
        { path, current: this.jwt, previous: this.previousJwt, refreshes: sendOrder.jwtHandOvers(), sessionJwt: this.sessionJwt, hasSession: this.sessionToken !== null, nowS: this.context.nowS() },
        this.context,
      ),
      session: this.sessionToken,
      user: this.userField(),
    };
    const body: Record<string, unknown> = {};
    if (now.jwt) body['intercom_user_jwt'] = now.jwt;
    if (now.session) body['session'] = now.session;
    Object.assign(body, fields);
    const { user: fieldUser, ...rest } = body;
    const outgoing = await hooks.beforeRequest({ path, sent, body: rest, user: (fieldUser as Record<string, unknown> | undefined) ?? now.user }, this.context);
    const wire: Record<string, unknown> = { ...(outgoing.user ? { user: outgoing.user } : {}), ...outgoing.body };
    const jwt = typeof wire['intercom_user_jwt'] === 'string' ? wire['intercom_user_jwt'] : null;
    let response: SdkResponse;
    try {
      response = await this.deps.transport.post(path, wire, sent);
    } catch (error) {
      if (error instanceof NetworkError) throw new IntercomSdkError('network', error.message);
      throw error;
    }
    this.deps.events.record('sdk.request', `#${sent} POST ${path} jwt ${jwt ? fingerprint(jwt) : 'none'} session ${wire['session'] ? 'yes' : 'no'} → ${response.status}`);
    await hooks.afterResponse({ path, request: wire, sent, response }, this.context);
    return { response, jwt };
  }

  private userField(): Record<string, unknown> | null {
    if (this.registration?.kind !== 'identified') return null;
    const user: Record<string, unknown> = {};
    if (this.registration.userId) user['user_id'] = this.registration.userId;
    if (this.registration.email) user['email'] = this.registration.email;
    return user;
  }

  private absorbUser(value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    const user = value as Record<string, unknown>;
    if (user['type'] !== 'user') return;
    this.cache.user = { user_id: stringOrNull(user['user_id']), email: stringOrNull(user['email']), name: stringOrNull(user['name']) } satisfies MessengerUser;
  }
}

function emptyCache(): MessengerCache {
  return { user: null, conversations: [], unreadCount: 0 };
}

function sameRegistration(a: Registration, b: Registration): boolean {
  if (a.kind === 'unidentified' || b.kind === 'unidentified') return a.kind === b.kind;
  return a.userId === b.userId && a.email === b.email;
}

function errorOf(path: string, status: number, body: Record<string, unknown>): IntercomSdkError {
  const errors = Array.isArray(body['errors']) ? (body['errors'] as unknown[]) : [];
  const first = (errors[0] ?? {}) as Record<string, unknown>;
  const code = typeof first['code'] === 'string' ? first['code'] : `http_${status}`;
  const message = typeof first['message'] === 'string' ? first['message'] : `POST ${path} failed`;
  return new IntercomSdkError(code, `${message} (POST ${path})`, status);
}

function parseConversations(value: unknown): ConversationView[] {
  if (!Array.isArray(value)) return [];
  const conversations: ConversationView[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const id = record['id'];
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const parts = Array.isArray(record['parts']) ? (record['parts'] as unknown[]) : [];
    conversations.push({
      id: String(id),
      parts: parts.flatMap((part, index) => {
        if (typeof part !== 'object' || part === null) return [];
        const fields = part as Record<string, unknown>;
        return [{ id: String(fields['id'] ?? index), author: String(fields['author'] ?? ''), body: String(fields['body'] ?? '') }];
      }),
    });
  }
  return conversations;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
