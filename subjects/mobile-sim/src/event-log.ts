import { EVENT_LOG_LIMIT } from './constants.ts';
import type { DeviceEvent } from './types.ts';

/**
 * What the device did, at which virtual second: the app's actions, the SDK's calls and requests.
 * Entries name tokens by fingerprint only. `mobile: simInfo` returns the latest entries.
 */
export class EventLog {
  private readonly entries: DeviceEvent[] = [];

  constructor(private readonly now: () => number) {}

  record(kind: string, detail: string): void {
    this.entries.push({ t_s: this.now(), kind, detail });
    if (this.entries.length > EVENT_LOG_LIMIT) this.entries.splice(0, this.entries.length - EVENT_LOG_LIMIT);
  }

  latest(): DeviceEvent[] {
    return [...this.entries];
  }
}
