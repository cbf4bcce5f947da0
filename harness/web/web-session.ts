import type { Page } from '@playwright/test';
import { WaitTimeoutError, type MockAdminClient } from '../admin-client.ts';
import { handOvers, priorUser, tokensOf, recordsSentAfter, type ClientStateEntry, type PriorUser, type RefreshPoint, type SendOrderPoint } from '../oracles/index.ts';
import type { IssuedTokenEntry, JournalRecord } from '../../mock-server/types.ts';
import { clientState, visibleText } from './evidence.ts';
import type { IntercomRouting } from './intercom-routing.ts';
import type { RunningWebSubject, WebSubject } from './subject.ts';
import { SyncedClock } from './synced-clock.ts';

/** Where an identity ended: the page's first `shutdown` after the step began, else the step's start. */
export interface Boundary extends SendOrderPoint {
  label: string;
  /** What the boundary is: the page's `Intercom('shutdown')` call, or the step's start when the app never called it. */
  at: 'shutdown' | 'step start';
}

const PING = '/messenger/web/ping';

/**
 * One browser session against a subject, as a spec sees it: the subject's steps, each followed
 * by a wait for the messenger traffic it must cause to land in the journal, plus marks and the
 * four kinds of evidence.
 */
export class WebSession {
  constructor(
    readonly page: Page,
    readonly subject: WebSubject,
    readonly app: RunningWebSubject,
    readonly admin: MockAdminClient,
    readonly intercom: IntercomRouting,
  ) {}

  async latestSeq(): Promise<number> {
    return (await this.admin.health()).journal.total;
  }

  /** Runs a step and waits until the journal holds `count` requests on `path` made after it started. */
  private async step(action: () => Promise<void>, path: string, count = 1): Promise<void> {
    const since = await this.latestSeq();
    await action();
    try {
      await this.admin.waitForRequests({ since, path, count, timeout_ms: 10_000 });
    } catch (error) {
      if (!(error instanceof WaitTimeoutError)) throw error;
      const trouble = await this.intercom.trouble(this.page);
      throw trouble ? new Error(`${error.message}; ${trouble}`) : error;
    }
  }

  open(): Promise<void> {
    return this.step(() => this.subject.open(this.page, this.app), PING);
  }

  /** A reload, as a person would press it: a fresh navigation to the app. */
  reload(): Promise<void> {
    return this.open();
  }

  logIn(userId: string): Promise<void> {
    return this.step(() => this.subject.logIn(this.page, userId), PING);
  }

  logOut(): Promise<void> {
    return this.step(() => this.subject.logOut(this.page), PING);
  }

  openMessenger(): Promise<void> {
    return this.subject.openMessenger(this.page);
  }

  sendMessage(text: string): Promise<void> {
    return this.step(() => this.subject.sendMessage(this.page, text), '/messenger/web/messages');
  }

  refreshJwt(): Promise<void> {
    return this.subject.refreshJwt(this.page);
  }

  refreshCount(): Promise<number> {
    return this.subject.refreshCount(this.page);
  }

  /** A checkpoint in the journal, placed after every request the page has sent so far. */
  async mark(label: string): Promise<number> {
    return (await this.admin.mark(label, this.intercom.sent)).seq;
  }

  /**
   * The boundary of a logout that began at the mark `label`: the page's first
   * `Intercom('shutdown')` after it (observed from the page, whatever messenger runs), else the
   * mark itself. It is marked in the journal as `<label> boundary`, so the timeline shows it.
   */
  async boundary(label: string): Promise<Boundary> {
    const mark = (await this.admin.marks()).find((candidate) => candidate.label === label);
    if (!mark) throw new Error(`no mark "${label}": mark the step before asking for its boundary`);
    const shutdown = this.intercom.callsAfter(mark, 'shutdown')[0];
    const point = shutdown ?? mark;
    const sent = typeof point.sent === 'number' ? point.sent : undefined;
    await this.admin.mark(`${label} boundary`, sent);
    return { label, at: shutdown ? 'shutdown' : 'step start', seq: point.seq, ...(sent !== undefined ? { sent } : {}) };
  }

  /** The page's requests sent after the boundary (by send order: one sent before it passes even if it lands after). */
  async recordsAfter(boundary: Boundary): Promise<JournalRecord[]> {
    return recordsSentAfter(await this.records(), boundary);
  }

  /** The user's tokens oldest first: minted by the mock, or by the app's own backend and seen in requests. */
  async tokens(userId: string): Promise<IssuedTokenEntry[]> {
    return tokensOf(userId, await this.admin.issuedTokens(userId), await this.records());
  }

  /** Where the app handed each of the user's tokens to the messenger: its boot/update call, or the token's first use. */
  async handOvers(userId: string): Promise<RefreshPoint[]> {
    return handOvers(userId, this.intercom.calls, await this.records(), await this.admin.issuedTokens(userId));
  }

  /** The page's clock and the mock's, moved together (see SyncedClock); install before the page opens. */
  syncedClock(): Promise<SyncedClock> {
    return SyncedClock.install(this.page, this.admin, this.intercom);
  }

  records(since: number | string = 0): Promise<JournalRecord[]> {
    return this.admin.requests({ since, platform: 'web' });
  }

  /** The workspace user with every session of theirs the journal has seen: what a leak would show. */
  async user(userId: string): Promise<PriorUser> {
    return priorUser(await this.admin.user(userId), await this.admin.requests());
  }

  /**
   * A scenario's precondition, not a verdict: the user's own data is on screen. It fails with a
   * plain error, so the self-test never counts a broken scenario as a caught fault.
   */
  async assertShows(userId: string): Promise<void> {
    const user = await this.user(userId);
    const texts = await this.visibleText();
    if (!user.canaries.some((canary) => texts.some(({ text }) => text.includes(canary)))) {
      throw new Error(`precondition failed: ${userId}'s conversation is not on screen (${texts.map((t) => `${t.where}: "${t.text.slice(0, 120)}"`).join('; ')})`);
    }
  }

  clientState(): Promise<ClientStateEntry[]> {
    return clientState(this.page);
  }

  visibleText(): Promise<{ where: string; text: string }[]> {
    return visibleText(this.page);
  }

  /** The session cookie the browser holds now, for replaying it to the server. */
  async sessionCookie(appId: string): Promise<string | null> {
    const cookie = (await this.page.context().cookies()).find((candidate) => candidate.name === `intercom-session-${appId}`);
    return cookie?.value ? decodeURIComponent(cookie.value) : null;
  }
}
