/** The mock's clock: wall time shifted by an offset that tests set through the admin API. */
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
    this.offsetMs = Math.round(offsetS * 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += Math.round(seconds * 1000);
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
