import { InvalidArgumentError } from 'commander';

/**
 * The app's JWT timing as the command line gives it (--jwt-ttl, --jwt-refresh): how long the
 * tokens the app's backend mints live, and how often the app refreshes them. The web runner
 * passes it as JWT_TTL_S / JWT_REFRESH_S, the mobile runner as appium:jwtTtlS / appium:jwtRefreshS.
 */
export interface AppTiming {
  jwtTtlS?: number | undefined;
  jwtRefreshS?: number | undefined;
}

/** The bundled apps' defaults: the seed's 5-minute JWT, refreshed every 4 minutes. */
export const DEFAULT_TIMING = { jwtTtlS: 300, jwtRefreshS: 240 } as const;

/** At most a day: a token the app keeps longer never needs the refresh the checks test. */
const MAX_SECONDS = 86_400;

export function secondsArg(value: string): number {
  const seconds = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of seconds from 1 to ${MAX_SECONDS}`);
  }
  return seconds;
}

/**
 * What a subject id adds for a timing that is not the default: `+jwt-ttl-600s`, `+jwt-refresh-30s`
 * (so an expectations file can tell configurations apart). Default values add nothing.
 */
export function timingQualifiers(timing: AppTiming | undefined): string[] {
  const qualifiers: string[] = [];
  if (timing?.jwtTtlS !== undefined && timing.jwtTtlS !== DEFAULT_TIMING.jwtTtlS) qualifiers.push(`jwt-ttl-${timing.jwtTtlS}s`);
  if (timing?.jwtRefreshS !== undefined && timing.jwtRefreshS !== DEFAULT_TIMING.jwtRefreshS) qualifiers.push(`jwt-refresh-${timing.jwtRefreshS}s`);
  return qualifiers;
}

/** The run header's line for the timing, or null when the defaults apply. */
export function timingLine(timing: AppTiming | undefined): string | null {
  if (timing?.jwtTtlS === undefined && timing?.jwtRefreshS === undefined) return null;
  return `app timing: JWT lifetime ${timing.jwtTtlS ?? DEFAULT_TIMING.jwtTtlS} s, refreshed every ${timing.jwtRefreshS ?? DEFAULT_TIMING.jwtRefreshS} s`;
}
