/** How far the mock clock may be shifted either way: 100 years, in seconds. */
export const MAX_CLOCK_OFFSET_S = 3_155_760_000;

/**
 * The mock's clock: wall time shifted by an offset that tests set through the admin API, or held
 * at one instant. Held, it moves only when told (`advance`), so a test that drives an app's
 * fake timers can make the mock's time at receipt the app's time at send: both clocks stand still
 * while requests are in flight. The offset stays within ±MAX_CLOCK_OFFSET_S, so the time is always
 * a valid date and JWT NumericDate; a change that would leave the range throws and changes nothing.
 */
export class MockClock {
  private offsetMs = 0;
  /** Wall time at which the clock was held, or null while it runs: the held instant is then `heldAt + offsetMs`. */
  private heldAt: number | null = null;

  nowMs(): number {
    return (this.heldAt ?? Date.now()) + this.offsetMs;
  }

  nowS(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offsetS(): number {
    return this.offsetMs / 1000;
  }

  get held(): boolean {
    return this.heldAt !== null;
  }

  /** Runs with wall time again, shifted by `offsetS`. */
  setOffset(offsetS: number): void {
    if (!withinRange(offsetS)) throw new RangeError(`clock offset ${offsetS} s is outside ±${MAX_CLOCK_OFFSET_S} s`);
    this.offsetMs = Math.round(offsetS * 1000);
    this.heldAt = null;
  }

  /** Whether holding at `atMs` keeps the offset within range. */
  canHoldAt(atMs: number): boolean {
    return Number.isFinite(atMs) && withinRange((atMs - Date.now()) / 1000);
  }

  /** Holds the clock at `atMs` (ms since the epoch) until the next change. */
  holdAt(atMs: number): void {
    const wall = Date.now();
    const offsetS = (atMs - wall) / 1000;
    if (!withinRange(offsetS)) throw new RangeError(`holding the clock at ${atMs} ms puts it ${offsetS} s from wall time, outside ±${MAX_CLOCK_OFFSET_S} s`);
    this.heldAt = wall;
    this.offsetMs = Math.round(atMs) - wall;
  }

  /** Whether advancing by `seconds` keeps the offset within range. */
  canAdvance(seconds: number): boolean {
    return Number.isFinite(seconds) && withinRange(this.offsetS + seconds);
  }

  /** Moves the clock by `seconds`, held or running; a held clock stays held. */
  advance(seconds: number): void {
    if (!this.canAdvance(seconds)) throw new RangeError(`advancing by ${seconds} s takes the clock offset outside ±${MAX_CLOCK_OFFSET_S} s`);
    this.offsetMs += Math.round(seconds * 1000);
  }

  reset(): void {
    this.offsetMs = 0;
    this.heldAt = null;
  }
}

function withinRange(offsetS: number): boolean {
  return Number.isFinite(offsetS) && Math.abs(offsetS) <= MAX_CLOCK_OFFSET_S;
}
