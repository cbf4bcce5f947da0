import type { Page } from '@playwright/test';
import type { MockAdminClient } from '../admin-client.ts';
import { priorUser, type ClientStateEntry, type PriorUser } from '../oracles/index.ts';
import type { JournalRecord } from '../../mock-server/types.ts';
import { clientState, visibleText } from './evidence.ts';
import type { RunningWebSubject, WebSubject } from './subject.ts';

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
  ) {}

  async latestSeq(): Promise<number> {
    return (await this.admin.health()).journal.total;
  }

  /** Runs a step and waits until the journal holds `count` requests on `path` made after it started. */
  private async step(action: () => Promise<void>, path: string, count = 1): Promise<void> {
    const since = await this.latestSeq();
    await action();
    await this.admin.waitForRequests({ since, path, count, timeout_ms: 10_000 });
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

  async mark(label: string): Promise<number> {
    return (await this.admin.mark(label)).seq;
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
