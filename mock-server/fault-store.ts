import type { Platform } from './types.ts';
import { matchesPath } from './journal/record-filter.ts';

/** A fault to inject into matching messenger requests; serializable so the admin API carries it. */
export interface FaultSpec {
  /** Exact path or prefix with a trailing `*`. */
  path: string;
  /** Answer with this status instead of the real response. */
  status?: number;
  /** Hold the response this long (after it is journaled). */
  delay_ms?: number;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
  /** Body of the injected status response; a JSON error otherwise. */
  body?: unknown;
  platform?: Platform;
  ns?: string;
}

export interface Fault extends FaultSpec {
  id: string;
  hits: number;
}

export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** The first active fault for this request, counted as used. */
  take(path: string, platform: Platform, ns: string): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        matchesPath(path, candidate.path) &&
        (candidate.platform === undefined || candidate.platform === platform) &&
        (candidate.ns === undefined || candidate.ns === ns) &&
        (candidate.times === undefined || candidate.hits < candidate.times),
    );
    if (fault) fault.hits++;
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
    this.nextId = 1;
  }
}
