/**
 * The web self-test: the cells of the web matrix and the checks each must fail. A cell not listed
 * for a check must pass it. `npm test` runs every cell and holds the suite to this table: a fault
 * the table says is caught must fail by an oracle's verdict (not a crash or a timeout), and
 * everything else must pass. The README prints the same table.
 *
 * Three kinds of cell:
 * - faults: each bundled app variant and messenger profile that models a reported failure, on its
 *   own against the correct counterpart, plus the combinations where two faults interact (the seed
 *   needs a reload-only app and a dropped queued shutdown together);
 * - the false-alarm corpus: correct subjects written differently (refresh margins, an eager
 *   refresh, events during logout, a slow network, the JWT in a header) — all must pass;
 * - real third-party integrations, unchanged, with the verdicts their code earns: their cells are
 *   listed with them, in subjects/web-subjects.ts.
 */
import { WEB_SUBJECTS } from '../../subjects/web-subjects.ts';

export const WEB_VARIANTS = ['correct', 'logout-reload-only', 'spa-no-shutdown', 'refresh-not-forwarded', 'tracks-logout'] as const;
export const WEB_PROFILES = ['correct', 'queued-shutdown-noop', 'keeps-settings', 'update-ignores-jwt', 'cache-survives-shutdown', 'jwt-in-authorization-header'] as const;

type Variant = (typeof WEB_VARIANTS)[number];
type Profile = (typeof WEB_PROFILES)[number];

const LOGOUT = 'WEB-LOGOUT-01';
const SWITCH = 'WEB-SWITCH-01';
const VISITOR = 'WEB-VISITOR-01';
const REFRESH = 'WEB-JWT-REFRESH-01';
const REQUIRED = 'WEB-JWT-REQUIRED-01';

export interface WebSelfTestCell {
  /** The row's name in the kill table and the Playwright project's. */
  name: string;
  /** A bundled subject by name; default the reference app. */
  subject?: string;
  variant: string;
  profile: string;
  /** App timing other than the defaults (TTL 300 s, refresh every 240 s). */
  jwtTtlS?: number;
  jwtRefreshS?: number;
  /** Time each messenger request spends in transit (harness/web/intercom-routing.ts). */
  latencyMs?: number;
  /** No fault anywhere: the cell must pass every check (it counts toward "false alarms on fault-free cells"). */
  faultFree: boolean;
  /** Checks this cell must fail; every other check must pass. */
  expectedFailures: readonly string[];
  why: string;
}

const fault = (variant: Variant, profile: Profile, checks: string[], why: string): WebSelfTestCell => ({
  name: `${variant}×${profile}`,
  variant,
  profile,
  faultFree: false,
  expectedFailures: checks,
  why,
});

const correct = (name: string, why: string, cell: Partial<WebSelfTestCell> = {}): WebSelfTestCell => ({
  name,
  variant: 'correct',
  profile: 'correct',
  faultFree: true,
  expectedFailures: [],
  why,
  ...cell,
});

export const WEB_SELF_TEST_CELLS: WebSelfTestCell[] = [
  correct('correct×correct', 'the reference app and messenger as Intercom documents them'),
  fault('correct', 'keeps-settings', [LOGOUT, SWITCH, VISITOR], "the visitor boot after logout merges the stale settings and sends alice's JWT"),
  fault('correct', 'update-ignores-jwt', [REFRESH, REQUIRED], 'the refresh update goes out without a JWT and later requests keep the boot token'),
  fault('correct', 'cache-survives-shutdown', [LOGOUT, SWITCH], "alice's cached conversations stay in localStorage and are shown after logout"),
  fault('logout-reload-only', 'queued-shutdown-noop', [LOGOUT, SWITCH, VISITOR], 'the seed: the page-load shutdown is dropped, so the session cookie resumes alice'),
  fault('spa-no-shutdown', 'correct', [LOGOUT, SWITCH, VISITOR], "no shutdown: the session cookie carries alice into the visitor and into bob's boot"),
  fault('refresh-not-forwarded', 'correct', [REFRESH], 'the seed (mobile) on the web: refreshed tokens never reach the messenger'),

  correct('correct×correct · refresh 10 s before expiry', 'refreshes at 290 s of a 300 s JWT: the refresh lands before the poll due at expiry', { jwtRefreshS: 290 }),
  correct('correct×correct · refresh 5 s before expiry', 'refreshes at 295 s of a 300 s JWT', { jwtRefreshS: 295 }),
  correct('correct×correct · eager refresh every 60 s', 'refreshes every minute, far ahead of expiry', { jwtRefreshS: 60 }),
  correct('tracks-logout×correct', "its logout still tracks an event and updates for alice before it calls shutdown: allowed, the requirement starts at shutdown", { variant: 'tracks-logout' }),
  correct('tracks-logout×correct · 300 ms network', "every request 300 ms in transit: the logout's events land after shutdown was called, and were sent before it", { variant: 'tracks-logout', latencyMs: 300 }),
  correct('correct×jwt-in-authorization-header', 'the messenger sends the JWT as Authorization: Bearer, not in user_data', { profile: 'jwt-in-authorization-header' }),

  ...WEB_SUBJECTS.flatMap((subject) => (subject.cells ?? []).map((cell) => thirdParty(subject.name, cell.profile, [...cell.expectedFailures], cell.why))),
];

/** A real integration, unchanged (its cells listed in subjects/web-subjects.ts): fault-free only when its own code is. */
function thirdParty(subject: string, profile: Profile, checks: string[], why: string): WebSelfTestCell {
  return { name: `${subject}×${profile}`, subject, variant: 'correct', profile, faultFree: false, expectedFailures: checks, why };
}
