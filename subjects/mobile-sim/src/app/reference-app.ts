import { ACCESSIBILITY_IDS as IDS, APP_TITLE, CONVERSATION_ID_PREFIX, SIGN_IN_USERS } from '../constants.ts';
import type { EventLog } from '../event-log.ts';
import type { IntercomSdkModel } from '../sdk/intercom-sdk-model.ts';
import type { ActiveHooks } from '../sdk/profile-hooks.ts';
import { IntercomSdkError } from '../sdk/sdk-errors.ts';
import type { AppStep, SimInfo, UiNode } from '../types.ts';
import type { TokenServiceClient } from './token-service-client.ts';
import type { TimerHandle, VirtualClock } from './virtual-clock.ts';

export interface ReferenceAppDeps {
  sdk: IntercomSdkModel;
  tokenService: TokenServiceClient;
  clock: VirtualClock;
  hooks: ActiveHooks;
  events: EventLog;
  jwtTtlS: number;
  jwtRefreshS: number;
}

interface SignedIn {
  userId: string;
  email: string | null;
  appSession: string;
}

interface HeldJwt {
  token: string;
  fingerprint: string;
  fetchedAtS: number;
  refreshDueS: number;
  expiresAtS: number;
}

/** The app's UI was asked for something it cannot do (no such element, not editable). */
export class AppUiError extends Error {}

/**
 * The reference app a person would use: sign in as alice or bob through the app's backend (the
 * token service), refresh the Intercom JWT, open the messenger, reply, log out — with a status
 * line saying what happened. It holds a short-lived JWT and refreshes it on a timer of the
 * device's virtual clock; the profile decides the order of its SDK calls at sign-in and on resume.
 */
export class ReferenceApp {
  private signedIn: SignedIn | null = null;
  private jwt: HeldJwt | null = null;
  private refreshTimer: TimerHandle | null = null;
  private status = 'Signed out';
  private replyDraft = '';
  private selectedConversation: string | null = null;
  private foreground = true;

  constructor(private readonly deps: ReferenceAppDeps) {}

  isInForeground(): boolean {
    return this.foreground;
  }

  /** A tap on the element with this key; resolves once the work it started has settled. */
  async tap(key: string): Promise<void> {
    const action = this.actionFor(key);
    if (action) await action();
  }

  /** Types into an input; `append` keeps what is there (WebDriver's send keys), else replaces it. */
  type(key: string, text: string, append: boolean): void {
    if (key !== IDS.replyInput) throw new AppUiError(`element "${key}" is not editable; the only input is ~${IDS.replyInput}`);
    this.replyDraft = append ? this.replyDraft + text : text;
  }

  async signIn(userId: string): Promise<void> {
    const { tokenService, sdk, hooks, events } = this.deps;
    events.record('app.signIn', userId);
    let signIn: SignedIn;
    let minted: HeldJwt;
    try {
      const session = await tokenService.login(userId);
      signIn = { userId, email: session.email, appSession: session.appSession };
      minted = await this.mintJwt(session.appSession);
    } catch (error) {
      this.status = `Sign-in failed: ${messageOf(error)}`;
      return;
    }
    this.signedIn = signIn;
    this.jwt = minted;
    this.scheduleRefresh(); // replaces the previous account's timer, if any
    const steps = await hooks.signIn(
      {
        setUserJwt: async () => sdk.setUserJwt(minted.token),
        login: () => sdk.loginUserWithUserAttributes({ userId: signIn.userId, ...(signIn.email ? { email: signIn.email } : {}) }),
      },
      sdk.hookContext,
    );
    const failure = await runSteps(steps);
    this.status = failure ? `Signed in as ${userId}; Intercom login failed: ${failure}` : `Signed in as ${userId}`;
  }

  async refreshJwtNow(): Promise<void> {
    if (!this.signedIn) {
      this.status = 'Sign in first to refresh the JWT';
      return;
    }
    await this.refreshJwt('button');
  }

  async openMessenger(): Promise<void> {
    try {
      await this.deps.sdk.present();
      const count = this.deps.sdk.view().conversations.length;
      this.status = `Messenger open: ${count} conversation${count === 1 ? '' : 's'}`;
    } catch (error) {
      this.status = `Messenger failed: ${messageOf(error)}`;
    }
  }

  closeMessenger(): void {
    this.deps.sdk.dismissMessenger();
    this.status = 'Messenger closed';
  }

  async sendReply(): Promise<void> {
    const text = this.replyDraft.trim();
    if (!this.deps.sdk.view().visible) {
      this.status = 'Open the messenger first';
      return;
    }
    if (!text) {
      this.status = 'Type a reply first';
      return;
    }
    try {
      await this.deps.sdk.sendMessage(this.targetConversation(), text);
      this.replyDraft = '';
      this.status = 'Reply sent';
    } catch (error) {
      this.status = `Reply failed: ${messageOf(error)}`;
    }
  }

  /**
   * The profile's log-out flow; correct: Intercom logout first (it must not race a sign-in that
   * follows), then the app's own. The status says "Signed out" once the whole flow has run.
   */
  async logOut(): Promise<void> {
    const { sdk, tokenService, events, hooks } = this.deps;
    events.record('app.logOut', this.signedIn ? 'signed in' : 'not signed in');
    this.status = 'Signing out';
    let backendFailure: string | null = null;
    const steps = await hooks.logOut(
      {
        sdkLogout: () => sdk.logout(),
        appLogout: async () => {
          this.stopRefreshing();
          const appSession = this.signedIn?.appSession;
          this.signedIn = null;
          this.jwt = null;
          this.replyDraft = '';
          this.selectedConversation = null;
          if (!appSession) return;
          try {
            await tokenService.logout(appSession);
          } catch (error) {
            backendFailure = messageOf(error);
          }
        },
      },
      sdk.hookContext,
    );
    const failure = await runSteps(steps);
    this.status = backendFailure ? `Signed out (backend logout failed: ${backendFailure})` : failure ? `Signed out; ${failure}` : 'Signed out';
  }

  /** "Continue as guest": Intercom loginUnidentifiedUser, then the messenger for the visitor. */
  async continueAsVisitor(): Promise<void> {
    const { sdk, events } = this.deps;
    events.record('app.visitor', this.signedIn ? 'while signed in' : 'signed out');
    try {
      await sdk.loginUnidentifiedUser();
      await sdk.present();
      this.status = 'Chatting as a guest';
    } catch (error) {
      this.status = `Guest chat failed: ${messageOf(error)}`;
    }
  }

  /** The OS moves the app to the background: its timers stop firing. */
  goToBackground(): void {
    if (!this.foreground) return;
    this.foreground = false;
    this.deps.clock.suspend();
    this.deps.events.record('app.background', '');
  }

  /** Back to the foreground: the profile's resume steps, then the timers that fell due meanwhile. */
  async returnToForeground(): Promise<void> {
    if (this.foreground) return;
    this.foreground = true;
    this.deps.events.record('app.foreground', '');
    const steps = await this.deps.hooks.resume(
      {
        refreshJwtIfDue: () => this.refreshJwtIfDue(),
        sdkForeground: () => this.sdkForeground(),
      },
      this.deps.sdk.hookContext,
    );
    for (const step of steps) await step();
    await this.deps.clock.resume();
  }

  shutdown(): void {
    this.stopRefreshing();
    this.deps.clock.cancelAll();
  }

  describe(): SimInfo['app'] {
    const jwt = this.jwt;
    return {
      state: this.foreground ? 'foreground' : 'background',
      signed_in_as: this.signedIn?.userId ?? null,
      jwt: jwt ? { fingerprint: jwt.fingerprint, fetched_at_s: jwt.fetchedAtS, refresh_due_s: jwt.refreshDueS, expires_at_s: jwt.expiresAtS } : null,
      status: this.status,
    };
  }

  /** The screen as a platform-neutral tree; ui-tree.ts turns it into Android or iOS XML. */
  render(): UiNode {
    const messenger = this.deps.sdk.view();
    const children: UiNode[] = [
      { key: 'title', role: 'text', text: APP_TITLE },
      { key: IDS.status, role: 'text', accessibilityId: IDS.status, text: this.status },
      {
        key: 'actions',
        role: 'container',
        children: [
          ...SIGN_IN_USERS.map((user): UiNode => ({ key: `login-${user}`, role: 'button', accessibilityId: `login-${user}`, text: `Sign in as ${capitalised(user)}` })),
          { key: IDS.refreshJwt, role: 'button', accessibilityId: IDS.refreshJwt, text: 'Refresh JWT now' },
          { key: IDS.openMessenger, role: 'button', accessibilityId: IDS.openMessenger, text: 'Open messenger' },
          { key: IDS.logout, role: 'button', accessibilityId: IDS.logout, text: 'Log out' },
          { key: IDS.visitor, role: 'button', accessibilityId: IDS.visitor, text: 'Continue as guest' },
        ],
      },
    ];
    if (messenger.visible) {
      const target = this.targetConversation();
      children.push({
        key: IDS.messenger,
        role: 'container',
        accessibilityId: IDS.messenger,
        children: [
          { key: IDS.closeMessenger, role: 'button', accessibilityId: IDS.closeMessenger, text: 'Close' },
          { key: IDS.userName, role: 'text', accessibilityId: IDS.userName, text: messenger.user?.name ?? messenger.user?.email ?? '' },
          ...(messenger.error ? [{ key: IDS.messengerError, role: 'text', accessibilityId: IDS.messengerError, text: messenger.error } satisfies UiNode] : []),
          {
            key: IDS.conversationList,
            role: 'list',
            accessibilityId: IDS.conversationList,
            children: messenger.conversations.map((conversation): UiNode => ({
              key: `${CONVERSATION_ID_PREFIX}${conversation.id}`,
              role: 'item',
              accessibilityId: `${CONVERSATION_ID_PREFIX}${conversation.id}`,
              selected: conversation.id === target,
              children: conversation.parts.map((part): UiNode => ({ key: `${CONVERSATION_ID_PREFIX}${conversation.id}-part-${part.id}`, role: 'text', text: part.body })),
            })),
          },
          { key: IDS.replyInput, role: 'input', accessibilityId: IDS.replyInput, text: this.replyDraft, hint: 'Write a reply…' },
          { key: IDS.sendReply, role: 'button', accessibilityId: IDS.sendReply, text: 'Send' },
        ],
      });
    }
    return { key: 'app', role: 'screen', children };
  }

  private actionFor(key: string): (() => Promise<void>) | null {
    const signIn = SIGN_IN_USERS.find((user) => key === `login-${user}`);
    if (signIn) return () => this.signIn(signIn);
    switch (key) {
      case IDS.refreshJwt:
        return () => this.refreshJwtNow();
      case IDS.openMessenger:
        return () => this.openMessenger();
      case IDS.closeMessenger:
        return async () => this.closeMessenger();
      case IDS.sendReply:
        return () => this.sendReply();
      case IDS.logout:
        return () => this.logOut();
      case IDS.visitor:
        return () => this.continueAsVisitor();
    }
    if (key.startsWith(CONVERSATION_ID_PREFIX) && !key.includes('-part-')) {
      const id = key.slice(CONVERSATION_ID_PREFIX.length);
      return async () => {
        this.selectedConversation = id;
      };
    }
    return null;
  }

  private targetConversation(): string | null {
    const conversations = this.deps.sdk.view().conversations;
    if (this.selectedConversation && conversations.some((conversation) => conversation.id === this.selectedConversation)) return this.selectedConversation;
    return conversations[0]?.id ?? null;
  }

  private async mintJwt(appSession: string): Promise<HeldJwt> {
    const { tokenService, clock, jwtTtlS, jwtRefreshS, events } = this.deps;
    const minted = await tokenService.mintJwt(appSession, jwtTtlS);
    const now = clock.now();
    events.record('app.jwt', `minted ${minted.fingerprint}, ttl ${jwtTtlS} s`);
    return { token: minted.token, fingerprint: minted.fingerprint, fetchedAtS: now, refreshDueS: now + jwtRefreshS, expiresAtS: now + jwtTtlS };
  }

  /** Fetches a new JWT from the backend and hands it to the SDK with setUserJwt. */
  private async refreshJwt(reason: 'button' | 'timer' | 'resume'): Promise<void> {
    const signedIn = this.signedIn;
    if (!signedIn) return;
    this.deps.events.record('app.refreshJwt', reason);
    try {
      const minted = await this.mintJwt(signedIn.appSession);
      if (this.signedIn !== signedIn) return;
      this.jwt = minted;
      this.deps.sdk.setUserJwt(minted.token);
      this.scheduleRefresh();
      this.status = `JWT refreshed (${reason})`;
    } catch (error) {
      this.status = `JWT refresh failed: ${messageOf(error)}`;
    }
  }

  private async refreshJwtIfDue(): Promise<void> {
    const jwt = this.jwt;
    if (!this.signedIn || !jwt) return;
    if (this.deps.clock.now() >= Math.min(jwt.refreshDueS, jwt.expiresAtS)) await this.refreshJwt('resume');
  }

  private async sdkForeground(): Promise<void> {
    try {
      await this.deps.sdk.handleForeground();
    } catch (error) {
      this.deps.events.record('app.sdkForeground', `failed: ${messageOf(error)}`);
    }
  }

  private scheduleRefresh(): void {
    this.deps.clock.cancel(this.refreshTimer);
    this.refreshTimer = this.deps.clock.schedule(this.deps.jwtRefreshS, 'jwt-refresh', () => this.refreshJwt('timer'));
  }

  private stopRefreshing(): void {
    this.deps.clock.cancel(this.refreshTimer);
    this.refreshTimer = null;
  }
}

/** Runs every step in order; an SDK failure does not stop the next step. Returns the first failure. */
async function runSteps(steps: readonly AppStep[]): Promise<string | null> {
  let failure: string | null = null;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof IntercomSdkError)) throw error;
      failure ??= error.describe();
    }
  }
  return failure;
}

function messageOf(error: unknown): string {
  if (error instanceof IntercomSdkError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
