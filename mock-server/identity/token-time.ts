import { fingerprint } from './fingerprint.ts';

/**
 * The time a token's `exp` and `nbf` are judged at.
 *
 * `mock-clock` (the default, and the contract): every token against the mock's clock, which tests
 * shift. `from-first-use`: a token the mock did not mint — one a team's own backend signed on the
 * real clock — is judged at the real time the mock first saw it plus the mock time that has passed
 * since. A test that moves the mock's clock through a simulated 30-minute session then ages such a
 * token from its first use, as the real session would, instead of finding it expired the moment the
 * clock moves ahead of the backend's. Tokens the mock minted follow the mock's clock either way.
 */
export type ForeignTokenTime = 'mock-clock' | 'from-first-use';

/** First sightings kept; beyond, the oldest are forgotten (and judged anew from their next use). */
const FIRST_SEEN_CAP = 100_000;

export class TokenTime {
  private readonly minted = new Set<string>();
  private readonly firstSeenOffsetS = new Map<string, number>();

  constructor(readonly mode: ForeignTokenTime) {}

  recordMinted(print: string): void {
    this.minted.add(print);
  }

  /** The NumericDate to judge `token` at, given the mock's now and its offset from wall time. */
  judgedAt(token: string, nowS: number, offsetS: number): number {
    if (this.mode === 'mock-clock') return nowS;
    const print = fingerprint(token);
    if (this.minted.has(print)) return nowS;
    let offset = this.firstSeenOffsetS.get(print);
    if (offset === undefined) {
      if (this.firstSeenOffsetS.size >= FIRST_SEEN_CAP) this.firstSeenOffsetS.delete(this.firstSeenOffsetS.keys().next().value!);
      offset = offsetS;
      this.firstSeenOffsetS.set(print, offset);
    }
    return nowS - Math.round(offset);
  }

  reset(): void {
    this.minted.clear();
    this.firstSeenOffsetS.clear();
  }
}
