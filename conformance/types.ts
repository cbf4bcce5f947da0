import type { AppTiming } from './app-timing.ts';
import type { Diagnosis } from '../harness/diagnosis.ts';
import type { EvidenceFile, Outcome, Platform, Verdict } from '../harness/result.ts';

// The words for a result are defined once, in harness/result.ts.
export { PLATFORMS, PLATFORM_LABEL, type Outcome, type Platform, type Verdict } from '../harness/result.ts';

/** What one run was asked to do: which checks on which platforms, against which subjects. */
export interface RunSelection {
  platforms: Platform[];
  /** Check IDs, in catalogue order. */
  checks: string[];
  web: WebSelection;
  mobile: MobileSelection;
}

export interface WebSelection {
  /** Module path of the WebSubject (WEB_SUBJECT). */
  subjectModule: string;
  variant: string | undefined;
  profile: string | undefined;
  profileModule: string | undefined;
  /** --jwt-ttl / --jwt-refresh: JWT_TTL_S / JWT_REFRESH_S for the reference app. */
  timing?: AppTiming | undefined;
  /** A team's app at a URL, driven by a steps file (--web-url, --web-steps); then `subjectModule` is the steps-app subject. */
  url?: string;
  steps?: string;
  /** The name of the environment variable holding the secret the mock verifies JWTs with (--mock-secret-env). */
  mockSecretEnv?: string;
}

export interface MobileSelection {
  /** WDIO config: the simulated device (wdio.conf.ts) or a real-device config. */
  config: string;
  profile: string | undefined;
  profileModule: string | undefined;
  selectors: string | undefined;
  /** `name@version` of a real app, for its expectations file. */
  subjectId: string | undefined;
  /** --jwt-ttl / --jwt-refresh: appium:jwtTtlS / appium:jwtRefreshS for the simulated device. */
  timing?: AppTiming | undefined;
}

/** A subject as expectations name it: `name@version`, plus the platforms it ran on. */
export interface SubjectId {
  id: string;
  platforms: Platform[];
}

/** One check on one platform against one subject, and its verdict (harness/result.ts). */
export interface CheckResult {
  check: string;
  platform: Platform;
  subject: string;
  verdict: Verdict;
  /** One line naming the evidence; empty on a pass. */
  reason: string;
  /** Every failure message in full. */
  details: string[];
  evidence: EvidenceFile[];
  durationMs: number;
  /** An oracle's failure: its likely cause and the documented fix, read off the evidence pattern. */
  cause: Diagnosis | null;
}

/** A known failure from an expectations file. */
export interface KnownFailure {
  check: string;
  /** Platforms it applies to; all of the check's platforms when absent. */
  platforms: Platform[] | undefined;
  reason: string;
  link: string;
  /** The expectations file it came from. */
  file: string;
}

/** A check result held to the expectations: its outcome (`pass` and `known-failure` hold the gate; the rest fail it). */
export interface GatedResult extends CheckResult {
  outcome: Outcome;
  expected: KnownFailure | null;
  /** With --repeat: the repeat this verdict comes from when it is not the last one's. */
  round?: number;
}
