/**
 * The mobile self-test: which checks each built-in profile of the simulated SDK must fail, on
 * each platform. A cell not listed for a check must pass it. `npm run conformance -- --matrix` runs
 * every cell and holds the suite to this table: a fault the table says is caught must fail by an
 * oracle's verdict (not a crash or a timeout), and everything else must pass.
 */
import { SIM_DEVICE } from '../../harness/mobile/device-contract.ts';
import type { MobilePlatform } from '../../harness/result.ts';

const profilesOfKind = (...kinds: string[]): readonly string[] => SIM_DEVICE.profiles.filter((profile) => kinds.includes(profile.kind)).map((profile) => profile.name);

/**
 * The profiles come from the simulated device's manifest (subjects/mobile-sim/package.json): the
 * correct profile and the faults run on every platform.
 */
export const MOBILE_BOTH_PLATFORM_PROFILES = profilesOfKind('correct', 'fault');
/**
 * The false-alarm corpus (kind `corpus`): correct apps written differently (refresh margins of
 * 10 s and 5 s, an eager 60 s refresh, an event sent in the log-out flow before logout(), 300 ms
 * of latency). Each must pass every check.
 */
export const MOBILE_CORPUS_PROFILES = profilesOfKind('corpus');
/** Every built-in profile of the simulated SDK. */
export const MOBILE_PROFILES: readonly string[] = SIM_DEVICE.profiles.map((profile) => profile.name);
export const MOBILE_PLATFORMS = SIM_DEVICE.platforms;
/**
 * The corpus runs on Android only: it varies the app's timing and flow, not the platform, and the
 * simulated platforms differ only in the registration rule (Android's 3002) and the User-Agent,
 * which the correct cells exercise on both. Android is the stricter of the two. This keeps the
 * matrix's cost at 5 more cells, not 10.
 */
export const MOBILE_CORPUS_PLATFORM = 'Android' as const;

type Platform = MobilePlatform;

const LOGOUT = 'MOB-LOGOUT-01';
const SWITCH = 'MOB-SWITCH-01';
const REFRESH = 'MOB-JWT-REFRESH-01';
const ORDER = 'MOB-JWT-ORDER-01';

/** Why each fault is caught where it is, one line per cell that fails anything. */
const FAILS: Partial<Record<`${string}×${Platform}`, { checks: string[]; why: string }>> = {
  'android-stale-jwt×Android': {
    checks: [REFRESH],
    why: 'the seed: requests of the live session keep the login JWT, older than each refresh and expired after 5 minutes',
  },
  'logout-keeps-cache×Android': {
    checks: [LOGOUT, SWITCH],
    why: "logout leaves the messenger up with alice's name and conversation; bob sees them on signing in",
  },
  'logout-keeps-cache×iOS': { checks: [LOGOUT, SWITCH], why: 'as on Android (intercom-ios PR #397)' },
  'logout-keeps-session×Android': {
    checks: [LOGOUT, SWITCH],
    why: "logout keeps alice's session token: the guest's login (users) sends it and is resumed as alice; bob's login sends it too",
  },
  'logout-keeps-session×iOS': { checks: [LOGOUT, SWITCH], why: 'as on Android (intercom-ios #276)' },
  'login-before-jwt×Android': {
    checks: [ORDER],
    why: 'the login (users) goes out without a JWT and is refused; later requests carry the JWT, so nothing leaks and no token is stale',
  },
  'login-before-jwt×iOS': { checks: [ORDER], why: 'as on Android' },
  'refresh-paused-in-background×Android': {
    checks: [REFRESH],
    why: "on resume the SDK's open goes out with the JWT that expired in the background, before the refresh lands",
  },
  'refresh-paused-in-background×iOS': { checks: [REFRESH], why: 'as on Android' },
};

/** Cells FAILS names that no profile × platform of the manifest has: a renamed or removed profile. */
export const MOBILE_UNKNOWN_FAIL_CELLS: readonly string[] = Object.keys(FAILS).filter(
  (name) => !SIM_DEVICE.profiles.some((profile) => SIM_DEVICE.platforms.some((platform) => `${profile.name}×${platform}` === name)),
);

export interface MobileSelfTestCell {
  profile: string;
  platform: Platform;
  /** `correct×Android`: the cell's name in the kill table. */
  name: string;
  /** Checks this cell must fail; every other check must pass. */
  expectedFailures: readonly string[];
  why: string;
}

function cell(profile: string, platform: Platform): MobileSelfTestCell {
  const fails = FAILS[`${profile}×${platform}`];
  const why = fails?.why ?? (profile === 'android-stale-jwt' ? 'the fault is Android-only: iOS picks up the new JWT' : 'passes every check');
  return { profile, platform, name: `${profile}×${platform}`, expectedFailures: fails?.checks ?? [], why };
}

export const MOBILE_SELF_TEST_CELLS: MobileSelfTestCell[] = [
  ...MOBILE_BOTH_PLATFORM_PROFILES.flatMap((profile) => MOBILE_PLATFORMS.map((platform) => cell(profile, platform))),
  ...MOBILE_CORPUS_PROFILES.map((profile) => cell(profile, MOBILE_CORPUS_PLATFORM)),
];

/** The cells that must pass every check: the correct profile and the corpus. */
export const MOBILE_FAULT_FREE_CELLS = MOBILE_SELF_TEST_CELLS.filter((candidate) => !profilesOfKind('fault').includes(candidate.profile));
