import { MAX_TIMER_FIRINGS_PER_ADVANCE } from '../constants.ts';
import type { AdvanceReport, FiredTimer } from '../types.ts';

export interface TimerHandle {
  readonly id: number;
  readonly label: string;
}

interface Timer extends TimerHandle {
  dueS: number;
  run: () => Promise<void> | void;
}

/**
 * The device's clock. Time moves only when told (`advance`), so a 5-minute JWT runs at full scale
 * in milliseconds. Due timers fire in order of due time (then of scheduling), each at its own
 * instant, and the work a timer starts is awaited before the next one fires, so everything a timer
 * sent is done when `advance` returns. While suspended (app in the background) time still moves
 * but nothing fires, as a real OS suspends an app's timers; `resume` fires what became overdue.
 */
export class VirtualClock {
  private nowS = 0;
  private suspended = false;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.nowS;
  }

  isSuspended(): boolean {
    return this.suspended;
  }

  /** Runs `run` once, `delayS` seconds from now (on the virtual clock). */
  schedule(delayS: number, label: string, run: () => Promise<void> | void): TimerHandle {
    if (!Number.isFinite(delayS) || delayS < 0) throw new RangeError(`timer "${label}": delay must be a finite number of seconds ≥ 0, got ${delayS}`);
    const timer: Timer = { id: this.nextId++, label, dueS: this.nowS + delayS, run };
    this.timers.set(timer.id, timer);
    return { id: timer.id, label };
  }

  cancel(handle: TimerHandle | null | undefined): void {
    if (handle) this.timers.delete(handle.id);
  }

  cancelAll(): void {
    this.timers.clear();
  }

  pending(): { label: string; due_s: number }[] {
    return this.ordered().map((timer) => ({ label: timer.label, due_s: timer.dueS }));
  }

  /** Moves time forward `seconds`, firing (unless suspended) every timer that falls due on the way. */
  async advance(seconds: number): Promise<AdvanceReport> {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`advanceClock: seconds must be a finite number ≥ 0, got ${seconds}`);
    const from = this.nowS;
    const target = from + seconds;
    const fired = this.suspended ? [] : await this.fireDue(target);
    this.nowS = target;
    return { from_s: from, to_s: target, suspended: this.suspended, fired };
  }

  suspend(): void {
    this.suspended = true;
  }

  /** Lets timers fire again; those that fell due while suspended fire now, late, as on a real device. */
  async resume(): Promise<FiredTimer[]> {
    this.suspended = false;
    return this.fireDue(this.nowS);
  }

  private async fireDue(limitS: number): Promise<FiredTimer[]> {
    const fired: FiredTimer[] = [];
    for (;;) {
      const next = this.ordered()[0];
      if (!next || next.dueS > limitS) return fired;
      if (fired.length >= MAX_TIMER_FIRINGS_PER_ADVANCE) {
        throw new Error(`more than ${MAX_TIMER_FIRINGS_PER_ADVANCE} timers fired in one step (last: "${next.label}"); a timer keeps rescheduling itself without delay`);
      }
      this.timers.delete(next.id);
      this.nowS = Math.max(this.nowS, next.dueS);
      const entry: FiredTimer = { label: next.label, at_s: this.nowS };
      try {
        await next.run();
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
      }
      fired.push(entry);
    }
  }

  private ordered(): Timer[] {
    return [...this.timers.values()].sort((a, b) => a.dueS - b.dueS || a.id - b.id);
  }
}
