/**
 * Live progress from a test runner to the conformance run: each finished check becomes one line
 * on the runner's stdout, `##conformance {json}` (in the spirit of TeamCity's service messages).
 * A marker line survives whatever prefix a runner adds to its workers' output (WDIO's `[0-0]`),
 * so the conformance run can pick progress out of a stream it otherwise writes to a log.
 */
export const PROGRESS_MARKER = '##conformance ';

/** Set by the conformance run; the runners' progress reporters stay silent without it. */
export const PROGRESS_ENV = 'CONFORMANCE_PROGRESS';

export interface ProgressEvent {
  /** `web`, or the cell (`correct×Android`) a mobile worker drove. */
  cell: string;
  check: string;
  state: 'passed' | 'failed' | 'skipped';
  /** First line of the failure, empty on a pass. */
  reason: string;
  durationMs: number;
}

export function progressEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[PROGRESS_ENV] === '1';
}

export function progressLine(event: ProgressEvent): string {
  return `${PROGRESS_MARKER}${JSON.stringify(event)}\n`;
}

/** The event a line carries, or null for ordinary output (a look-alike line from an app's log included). */
export function parseProgressLine(line: string): ProgressEvent | null {
  const at = line.indexOf(PROGRESS_MARKER);
  if (at < 0) return null;
  let event: unknown;
  try {
    event = JSON.parse(line.slice(at + PROGRESS_MARKER.length));
  } catch {
    return null;
  }
  if (typeof event !== 'object' || event === null) return null;
  const { cell, check, state, reason, durationMs } = event as Record<string, unknown>;
  const valid = typeof cell === 'string' && typeof check === 'string' && (state === 'passed' || state === 'failed' || state === 'skipped') && typeof reason === 'string' && typeof durationMs === 'number';
  return valid ? { cell, check, state, reason, durationMs } : null;
}
