import type {} from 'webdriverio';
import type { Mark, MockAdminClient } from '../admin-client.ts';
import { priorUser, recordsSentAfter, type ClientStateEntry, type PriorUser, type RefreshPoint } from '../oracles/index.ts';
import type { IssuedTokenEntry, JournalRecord } from '../../mock-server/types.ts';
import type { DeviceInfo, MobileApp } from './subject.ts';
import { parseUiTree, uiStateEntries, visibleTextOf } from './ui-tree.ts';

const MOBILE = '/messenger/mobile';
/** How long a step waits for the traffic it must cause (a real device is slower than the simulated one). */
const STEP_TIMEOUT_MS = 15_000;

/** The clock of the device and the mock moved together; what the device's timers did. */
export interface ClockStep {
  to_s: number;
  fired: { label: string; at_s: number }[];
}

/**
 * Where a log-out took effect: a journal mark, with the device's send counter at the SDK's
 * `logout()` call when the device reports it (the simulated one does), else set at the start of
 * the step (a real device). `fromSeq` is the journal head when the step began.
 */
export interface Boundary extends Mark {
  fromSeq: number;
  /** How the boundary was found, for messages: `sdk logout()` or `step start`. */
  observedAt: 'sdk logout()' | 'step start';
}

/** An identity call the app made on the SDK, as `mobile: sdkCalls` reports it. */
interface SdkCall {
  call: string;
  sent: number;
  t_s: number;
  jwt_fingerprint?: string;
}

interface SdkCallLog {
  sent: number;
  calls: SdkCall[];
}

interface DeviceClock {
  now_s: number;
  suspended: boolean;
  timers: { label: string; due_s: number }[];
}

/**
 * One Appium session on a device, as a spec sees it: the app's actions, each followed by a wait
 * for the messenger traffic it must cause to land in the journal; the app lifecycle; the clock;
 * marks; and the evidence (journal, issued tokens, UI tree, visible text).
 */
export class MobileSession {
  /** Seconds the harness has moved the clocks since the session began. */
  elapsedS = 0;

  constructor(
    readonly driver: WebdriverIO.Browser,
    readonly app: MobileApp,
    readonly admin: MockAdminClient,
    readonly device: DeviceInfo,
  ) {}

  async latestSeq(): Promise<number> {
    return (await this.admin.health()).journal.total;
  }

  /** Runs an action and waits until the journal holds `count` requests on `path` made after it started. */
  private async step(action: () => Promise<void>, path: string, what: string, count = 1): Promise<void> {
    const since = await this.latestSeq();
    await action();
    try {
      await this.admin.waitForRequests({ since, path, count, timeout_ms: STEP_TIMEOUT_MS });
    } catch (error) {
      const status = await this.app.status().catch(() => null);
      throw new Error(`${what}: expected ${count} request(s) on ${path} within ${STEP_TIMEOUT_MS} ms, the journal has none${status ? `; the app's status says "${status}"` : ''} (${(error as Error).message})`);
    }
  }

  /** Signs in; settles once the SDK's login (`users`) reached the mock, whatever its verdict. */
  logIn(userId: string): Promise<void> {
    return this.step(() => this.app.logIn(userId), `${MOBILE}/users`, `sign in as ${userId}`);
  }

  /**
   * Logs out and answers with the boundary: on an instrumented device, the SDK's `logout()` call
   * (by send order: what the app sent before it, even if it lands later, is not after it); on a
   * real device, the start of the step. Marked in the journal as `label`.
   */
  async logOut(label = 'logout'): Promise<Boundary> {
    const fromSeq = await this.latestSeq();
    if (!this.device.virtualClock) {
      const mark = await this.admin.mark(label);
      await this.app.logOut();
      return { ...mark, fromSeq, observedAt: 'step start' };
    }
    const before = await this.sdkCalls();
    await this.app.logOut();
    const logout = (await this.sdkCalls()).calls.slice(before.calls.length).find((call) => call.call === 'logout');
    // An app that never called logout() gets the step's start as its boundary, in send order.
    const mark = await this.admin.mark(label, logout ? logout.sent : before.sent);
    return { ...mark, fromSeq, observedAt: logout ? 'sdk logout()' : 'step start' };
  }

  /** "Continue as guest": the app logs an unidentified user in (loginUnidentifiedUser) and opens the messenger. */
  continueAsVisitor(): Promise<void> {
    return this.step(() => this.app.continueAsVisitor(), `${MOBILE}/users`, 'continue as a guest');
  }

  /** The messenger records sent after the boundary (send order where both sides have it, else seq). */
  async recordsAfter(boundary: Boundary): Promise<JournalRecord[]> {
    return recordsSentAfter(await this.records(boundary.fromSeq), boundary);
  }

  refreshJwt(): Promise<void> {
    return this.app.refreshJwt();
  }

  /** Opens the messenger; settles once its `open` reached the mock. */
  openMessenger(): Promise<void> {
    return this.step(() => this.app.openMessenger(), `${MOBILE}/open`, 'open the messenger');
  }

  sendReply(text: string): Promise<void> {
    return this.step(() => this.app.sendReply(text), `${MOBILE}/conversations/*`, `reply "${text}"`);
  }

  /** The OS moves the app to the background until `resume` (real drivers and the simulated one alike). */
  async background(): Promise<void> {
    await this.driver.execute('mobile: backgroundApp', { seconds: -1 });
  }

  /**
   * Brings the app back. With `awaitForeground`, waits for the SDK's foreground request (`open`),
   * which a signed-in SDK sends on resume.
   */
  async resume(options: { awaitForeground?: boolean } = {}): Promise<void> {
    const key = this.device.platform === 'Android' ? 'appId' : 'bundleId';
    const activate = async (): Promise<void> => {
      await this.driver.execute('mobile: activateApp', { [key]: this.device.appId });
    };
    if (options.awaitForeground) await this.step(activate, `${MOBILE}/open`, 'resume from the background');
    else await activate();
  }

  /**
   * Moves time forward, at most `stepS` at a time. On the simulated device the mock's clock and
   * the device's move together to each timer as it falls due (the mock first, by the same amount),
   * and the device's timer work (a refresh's token fetch, what it sends) settles before the next
   * move: the mock's time at receipt is the app's time at send. A real device's time is real, so
   * the harness waits instead and leaves the mock's clock alone.
   */
  async advanceClock(seconds: number, stepS = 60): Promise<ClockStep[]> {
    const steps: ClockStep[] = [];
    for (let left = seconds; left > 0; ) {
      const step = Math.min(stepS, left);
      if (this.device.virtualClock) {
        const clock = (await this.driver.execute('mobile: clockInfo', {})) as DeviceClock;
        const due = clock.suspended ? [] : clock.timers.map((timer) => timer.due_s).filter((at) => at > clock.now_s && at < clock.now_s + step);
        const move = due.length ? Math.min(...due) - clock.now_s : step;
        await this.admin.clock({ advance_s: move });
        const report = (await this.driver.execute('mobile: advanceClock', { seconds: move })) as { to_s: number; fired: { label: string; at_s: number; error?: string }[] };
        const failed = report.fired.find((timer) => timer.error);
        if (failed) throw new Error(`the device's ${failed.label} timer at ${failed.at_s} s failed: ${failed.error}`);
        steps.push({ to_s: report.to_s, fired: report.fired });
        left -= move;
        this.elapsedS += move;
      } else {
        await this.driver.pause(step * 1000);
        steps.push({ to_s: this.elapsedS + step, fired: [] });
        left -= step;
        this.elapsedS += step;
      }
    }
    return steps;
  }

  /** The simulated device's send counter and identity calls (`mobile: sdkCalls`; only instrumented devices have it). */
  private async sdkCalls(): Promise<SdkCallLog> {
    return (await this.driver.execute('mobile: sdkCalls', {})) as SdkCallLog;
  }

  async mark(label: string): Promise<number> {
    return (await this.admin.mark(label)).seq;
  }

  /** Messenger records of this device's mock, oldest first; `since` a seq or a mark label (exclusive). */
  records(since: number | string = 0): Promise<JournalRecord[]> {
    return this.admin.requests({ since, path: `${MOBILE}/*` });
  }

  issuedTokens(userId: string): Promise<IssuedTokenEntry[]> {
    return this.admin.issuedTokens(userId);
  }

  /**
   * The user's token hand-overs: requests after one must carry its token or a later one. On an
   * instrumented device each is the app's `setUserJwt` call, by send order; on a real device, the
   * token's minting (the app hands a minted token to setUserJwt at once).
   */
  async refreshPoints(userId: string): Promise<RefreshPoint[]> {
    const issued = await this.issuedTokens(userId);
    if (!this.device.virtualClock) return issued.map((entry) => ({ seq: entry.after_seq, fingerprint: entry.fingerprint }));
    const minted = new Map(issued.map((entry) => [entry.fingerprint, entry]));
    return (await this.sdkCalls()).calls.flatMap((call) => {
      const entry = call.call === 'setUserJwt' && call.jwt_fingerprint ? minted.get(call.jwt_fingerprint) : undefined;
      return entry ? [{ seq: entry.after_seq, sent: call.sent, fingerprint: entry.fingerprint }] : [];
    });
  }

  /** The workspace user with every session of theirs the journal has seen: what a leak would show. */
  async user(userId: string): Promise<PriorUser> {
    return priorUser(await this.admin.user(userId), await this.admin.requests());
  }

  pageSource(): Promise<string> {
    return this.driver.getPageSource();
  }

  /** Client state: one entry per UI element and content attribute of the current page source. */
  async uiState(): Promise<ClientStateEntry[]> {
    return uiStateEntries(parseUiTree(await this.pageSource()));
  }

  /** What a person sees: every displayed text, label, content description and value. */
  async visibleText(): Promise<{ where: string; text: string }[]> {
    return visibleTextOf(parseUiTree(await this.pageSource()), `${this.device.platform} screen`);
  }

  /**
   * A scenario's precondition, not a verdict: the user's own data is on screen. It fails with a
   * plain error, so the self-test never counts a broken scenario as a caught fault.
   */
  async assertShows(userId: string): Promise<void> {
    const user = await this.user(userId);
    const texts = await this.visibleText();
    if (!user.canaries.some((canary) => texts.some(({ text }) => text.includes(canary)))) {
      const status = await this.app.status().catch(() => null);
      throw new Error(`precondition failed: ${userId}'s conversation is not on screen (status "${status}"; ${texts.map((t) => `${t.where}: "${t.text.replace(/\n/g, ' | ').slice(0, 200)}"`).join('; ')})`);
    }
  }
}
