/** How far the mock clock may be shifted either way: 100 years, in seconds. */
export const MAX_CLOCK_OFFSET_S = 3_155_760_000;

/**
 * The mock's clock: wall time shifted by an offset that tests set through the admin API. The
 * offset stays within ±MAX_CLOCK_OFFSET_S, so the shifted time is always a valid date and JWT
 * NumericDate; a change that would leave the range throws and changes nothing.
 */
export class MockClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowS(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offsetS(): number {
    return this.offsetMs / 1000;
  }

  setOffset(offsetS: number): void {
    if (!withinRange(offsetS)) throw new RangeError(`clock offset ${offsetS} s is outside ±${MAX_CLOCK_OFFSET_S} s`);
    this.offsetMs = Math.round(offsetS * 1000);
  }

  /** Whether advancing by `seconds` keeps the offset within range. */
  canAdvance(seconds: number): boolean {
    return Number.isFinite(seconds) && withinRange(this.offsetS + seconds);
  }

  advance(seconds: number): void {
    if (!this.canAdvance(seconds)) throw new RangeError(`advancing by ${seconds} s takes the clock offset outside ±${MAX_CLOCK_OFFSET_S} s`);
    this.offsetMs += Math.round(seconds * 1000);
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

function withinRange(offsetS: number): boolean {
  return Number.isFinite(offsetS) && Math.abs(offsetS) <= MAX_CLOCK_OFFSET_S;
}
