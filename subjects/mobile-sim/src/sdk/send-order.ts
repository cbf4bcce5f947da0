import { fingerprint } from '../fingerprint.ts';
import type { JwtHandOver, SdkCall, SdkCallLog } from '../types.ts';

/** `x-conformance-sent`: the device's send counter on every request (docs/architecture.md, "Send order"). */
export const SENT_HEADER = 'x-conformance-sent';

/** Calls kept for `mobile: sdkCalls`; a 30-minute session makes a few dozen. */
const CALLS_KEPT = 5_000;

/**
 * The device's send order and the identity calls the app made on the SDK, each with the counter
 * at that moment: a request whose counter is greater went out after the call.
 */
export class SendOrder {
  private counter = 0;
  private readonly calls: SdkCall[] = [];
  private readonly handOvers: JwtHandOver[] = [];

  constructor(private readonly now: () => number) {}

  /** The next request's number; called as the SDK starts sending it. */
  next(): number {
    this.counter += 1;
    return this.counter;
  }

  current(): number {
    return this.counter;
  }

  record(call: SdkCall['call'], jwt?: string): void {
    const entry: SdkCall = { call, sent: this.counter, t_s: this.now(), ...(jwt ? { jwt_fingerprint: fingerprint(jwt) } : {}) };
    this.calls.push(entry);
    if (this.calls.length > CALLS_KEPT) this.calls.splice(0, this.calls.length - CALLS_KEPT);
    if (call === 'setUserJwt' && jwt) {
      this.handOvers.push({ jwt, fingerprint: fingerprint(jwt), atS: entry.t_s, sent: entry.sent });
      if (this.handOvers.length > CALLS_KEPT) this.handOvers.splice(0, this.handOvers.length - CALLS_KEPT);
    }
  }

  /** Every setUserJwt, raw tokens included: for the profile's `requestJwt` hook only, never reported. */
  jwtHandOvers(): readonly JwtHandOver[] {
    return this.handOvers;
  }

  log(): SdkCallLog {
    return { sent: this.counter, calls: [...this.calls] };
  }
}
