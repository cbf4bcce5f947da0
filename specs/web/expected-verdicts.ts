/**
 * The web self-test: which checks each bundled app variant × messenger profile must fail. A
 * cell not listed for a check must pass it. `npm test` runs every cell and holds the suite to
 * this table: a fault the table says is caught must fail by an oracle's verdict (not a crash or
 * a timeout), and everything else must pass. The README prints the same table.
 */
export const WEB_VARIANTS = ['correct', 'logout-reload-only', 'spa-no-shutdown', 'refresh-not-forwarded'] as const;
export const WEB_PROFILES = ['correct', 'queued-shutdown-noop', 'keeps-settings', 'update-ignores-jwt', 'cache-survives-shutdown'] as const;

type Variant = (typeof WEB_VARIANTS)[number];
type Profile = (typeof WEB_PROFILES)[number];

const LOGOUT = 'WEB-LOGOUT-01';
const SWITCH = 'WEB-SWITCH-01';
const VISITOR = 'WEB-VISITOR-01';
const REFRESH = 'WEB-JWT-REFRESH-01';
const REQUIRED = 'WEB-JWT-REQUIRED-01';

/** Why each fault is caught where it is, in one line per cell that fails anything. */
const FAILS: Partial<Record<`${Variant}×${Profile}`, { checks: string[]; why: string }>> = {
  'correct×keeps-settings': { checks: [LOGOUT, SWITCH, VISITOR], why: 'the visitor boot after logout merges the stale settings and sends alice\'s JWT' },
  'correct×update-ignores-jwt': { checks: [REFRESH, REQUIRED], why: 'the refresh update goes out without a JWT and later requests keep the boot token' },
  'correct×cache-survives-shutdown': { checks: [LOGOUT, SWITCH], why: 'alice\'s cached conversations stay in localStorage and are shown after logout' },
  'logout-reload-only×queued-shutdown-noop': { checks: [LOGOUT, SWITCH, VISITOR], why: 'the seed: the page-load shutdown is dropped, so the session cookie resumes alice' },
  'logout-reload-only×update-ignores-jwt': { checks: [REFRESH, REQUIRED], why: 'as correct×update-ignores-jwt' },
  'logout-reload-only×cache-survives-shutdown': { checks: [LOGOUT, SWITCH], why: 'the cache survives reloads too' },
  'spa-no-shutdown×correct': { checks: [LOGOUT, SWITCH, VISITOR], why: 'no shutdown: the session cookie carries alice into the visitor and into bob\'s boot' },
  'spa-no-shutdown×queued-shutdown-noop': { checks: [LOGOUT, SWITCH, VISITOR], why: 'no shutdown at all' },
  'spa-no-shutdown×keeps-settings': { checks: [LOGOUT, SWITCH, VISITOR], why: 'no shutdown at all' },
  'spa-no-shutdown×update-ignores-jwt': { checks: [LOGOUT, SWITCH, VISITOR, REFRESH, REQUIRED], why: 'no shutdown, and updates drop the JWT' },
  'spa-no-shutdown×cache-survives-shutdown': { checks: [LOGOUT, SWITCH, VISITOR], why: 'no shutdown at all' },
  'refresh-not-forwarded×correct': { checks: [REFRESH], why: 'the seed (mobile) on the web: refreshed tokens never reach the messenger' },
  'refresh-not-forwarded×queued-shutdown-noop': { checks: [REFRESH], why: 'refreshed tokens never reach the messenger' },
  'refresh-not-forwarded×keeps-settings': { checks: [LOGOUT, SWITCH, VISITOR, REFRESH], why: 'stale settings after logout, and no forwarded refresh' },
  'refresh-not-forwarded×update-ignores-jwt': { checks: [REFRESH], why: 'no update is ever sent, so only the refresh check fails' },
  'refresh-not-forwarded×cache-survives-shutdown': { checks: [LOGOUT, SWITCH, REFRESH], why: 'cached conversations after logout, and no forwarded refresh' },
};

export interface SelfTestCell {
  variant: Variant;
  profile: Profile;
  /** Checks this cell must fail; every other check must pass. */
  expectedFailures: readonly string[];
  why: string;
}

export const WEB_SELF_TEST_CELLS: SelfTestCell[] = WEB_VARIANTS.flatMap((variant) =>
  WEB_PROFILES.map((profile) => {
    const fails = FAILS[`${variant}×${profile}`];
    return { variant, profile, expectedFailures: fails?.checks ?? [], why: fails?.why ?? 'passes every check' };
  }),
);
