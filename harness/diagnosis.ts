import type { Violation, ViolationKind } from './oracles/types.ts';
import type { Platform } from './result.ts';

/** A failing verdict's likely cause and the fix Intercom documents, read off its evidence pattern. */
export interface Diagnosis {
  /** Which rule matched (stable, for tests and filtering). */
  rule: string;
  cause: string;
  fix: string;
  docs: { title: string; url: string }[];
}


interface Advice {
  cause: string;
  fix: string;
  docs: { title: string; url: string }[];
}

/** A cause as data: the evidence it needs, and what to say on the web and on a device. */
interface CauseRule {
  rule: string;
  when(kinds: ReadonlySet<ViolationKind>): boolean;
  web: Advice;
  mobile: Advice;
}

const DOCS = {
  methods: { title: 'Intercom JavaScript API: shutdown, boot, update', url: 'https://developers.intercom.com/installing-intercom/web/methods' },
  endSession: { title: "Intercom help: the JavaScript API (clear a user's session at logout)", url: 'https://www.intercom.com/help/en/articles/172-the-intercom-javascript-api' },
  secureMessenger: { title: 'Intercom: secure your Messenger (token expiry and refresh)', url: 'https://developers.intercom.com/installing-intercom/web/identity-verification' },
  jwtHelp: { title: 'Intercom help: authenticating users in the Messenger with JWTs', url: 'https://www.intercom.com/help/en/articles/10589769-authenticating-users-in-the-messenger-with-json-web-tokens-jwts' },
  reactUseIntercom481: { title: 'react-use-intercom PR #481: shutdown leaves window.intercomSettings', url: 'https://github.com/devrnt/react-use-intercom/pull/481' },
  iosCache397: { title: "intercom-ios PR #397: the previous user's name after logout", url: 'https://github.com/intercom/intercom-ios/pull/397' },
  reactNative: { title: 'Intercom React Native SDK (setUserJwt)', url: 'https://github.com/intercom/intercom-react-native' },
} as const;

const any = (...wanted: ViolationKind[]) => (kinds: ReadonlySet<ViolationKind>) => wanted.some((kind) => kinds.has(kind));

const SESSION_SURVIVED: Advice = {
  cause: "shutdown did not end the prior user's session before the next boot: the intercom-session token survived and later requests resumed the prior user",
  fix: "call Intercom('shutdown') first in the logout handler, before any reload or redirect, let it complete before the next boot, and check that the intercom-session-<app_id> cookie is gone",
  docs: [DOCS.methods, DOCS.endSession],
};

const SESSION_KEPT_ON_DEVICE: Advice = {
  cause: "the SDK kept the prior user's session after logout(): a later request resumed it server-side",
  fix: 'call Intercom.logout() when the user signs out, before any other login; logout must drop the session the SDK holds',
  docs: [DOCS.jwtHelp],
};

/** First match wins: the most specific evidence pattern first. */
const RULES: readonly CauseRule[] = [
  {
    rule: 'refreshed-token-not-sent',
    when: any('stale-token-after-refresh'),
    web: {
      cause: 'the app obtained a refreshed JWT, but the messenger kept sending the earlier one',
      fix: "hand every new token to the messenger at once with Intercom('update', { intercom_user_jwt: newToken }), before the next messenger call",
      docs: [DOCS.methods, DOCS.secureMessenger],
    },
    mobile: {
      cause: 'the SDK ignored setUserJwt: requests kept the earlier JWT after the app handed over the refreshed one (as reported for React Native on Android)',
      fix: 'call Intercom.setUserJwt(newToken) before any further Intercom call (login, updateUser, present), not only on a background interval; if the SDK still sends the old token, list it as a known failure and report it to Intercom',
      docs: [DOCS.jwtHelp, DOCS.reactNative],
    },
  },
  {
    rule: 'token-expired-in-flight',
    when: any('expired-token-sent'),
    web: {
      cause: 'a request went out with a JWT already expired when it arrived: the refresh came too late or stopped',
      fix: "refresh ahead of exp by more than the longest gap between messenger requests and hand the token over before the next call; Intercom advises an exp that matches the app's session",
      docs: [DOCS.secureMessenger],
    },
    mobile: {
      cause: 'a request went out with a JWT already expired when it arrived: the refresh came too late or paused (app in the background, device asleep)',
      fix: "refresh on resume and before exp, and call setUserJwt(newToken) before the next Intercom call; Intercom advises an exp that matches the app's session (30–60 minutes)",
      docs: [DOCS.jwtHelp],
    },
  },
  {
    rule: 'identified-without-jwt',
    when: any('identified-without-jwt'),
    web: {
      cause: 'an identified request (a boot or an update naming user_id or email) went without intercom_user_jwt: under Messenger Security it is refused with 403, or rides on the session alone',
      fix: 'pass intercom_user_jwt with every boot and with every update that sends user_id or email',
      docs: [DOCS.methods, DOCS.secureMessenger],
    },
    mobile: {
      cause: 'an identified request went without a JWT: the user was logged in before setUserJwt was called',
      fix: 'call setUserJwt(jwt) before loginUserWithUserAttributes / loginIdentifiedUser (documented: before any user login takes place)',
      docs: [DOCS.jwtHelp],
    },
  },
  {
    rule: 'session-survived-logout',
    when: any('prior-resumed-via-session', 'visitor-resumed-user', 'prior-session-sent', 'state-holds-session'),
    web: SESSION_SURVIVED,
    mobile: SESSION_KEPT_ON_DEVICE,
  },
  {
    rule: 'identity-outlived-logout',
    when: any('prior-jwt-sent', 'prior-identifiers-sent', 'prior-resumed'),
    web: {
      cause: "the prior user's identity (JWT, user_id or email) was sent again after shutdown: settings outlived it (for example window.intercomSettings left in place, as react-use-intercom ≤ 1.5.2 does)",
      fix: "shutdown must clear every copy of the user's settings: delete window.intercomSettings (react-use-intercom ≥ 2.0.0 does) and boot the visitor with { app_id } only",
      docs: [DOCS.methods, DOCS.reactUseIntercom481],
    },
    mobile: {
      cause: "the SDK sent the prior user's identity after logout(): logout was skipped, came after the next login, or did not clear the SDK's state",
      fix: 'call Intercom.logout() before logging in the next user (the Android SDK refuses a second login with error 3002 otherwise)',
      docs: [DOCS.jwtHelp],
    },
  },
  {
    rule: 'data-left-on-client',
    when: any('state-holds-identity', 'text-shows-prior', 'prior-data-served'),
    web: {
      cause: "the prior user's data outlived shutdown in the page: in the messenger's cache or storage, or in what it still shows",
      fix: "shutdown must clear what the messenger cached and shows; clear any messenger data the app stored itself at logout, then boot the visitor with { app_id } only",
      docs: [DOCS.methods, DOCS.endSession],
    },
    mobile: {
      cause: "the app still shows or holds the prior user's data after logout(): Intercom's UI or local cache survived it (as in intercom-ios PR #397)",
      fix: "logout() must dismiss Intercom's UI and clear its local cache: make sure it runs on sign-out, and before the next login",
      docs: [DOCS.iosCache397],
    },
  },
  {
    rule: 'new-user-not-loaded',
    when: any('current-not-shown'),
    web: {
      cause: "the new user's conversations did not load after the switch: an update with a new identity does not refetch them",
      fix: "switch users with Intercom('shutdown') then Intercom('boot', …) with the new user's JWT (Intercom support's advice in community thread 13353)",
      docs: [DOCS.methods],
    },
    mobile: {
      cause: "the new user's conversations did not load after the switch",
      fix: 'log out, then set the new JWT and log the new user in before presenting the messenger',
      docs: [DOCS.jwtHelp],
    },
  },
];

/** The line an oracle's failure message ends with, carrying its evidence kinds to the reports. */
export const KINDS_MARK = '[evidence-kinds]';

export function kindsLine(violations: readonly Violation[]): string {
  return `${KINDS_MARK} ${[...new Set(violations.map((violation) => violation.kind))].join(' ')}`;
}

export const VIOLATION_KINDS: ReadonlySet<string> = new Set<string>([
  'prior-jwt-sent', 'prior-identifiers-sent', 'prior-session-sent', 'prior-resumed-via-session', 'prior-resumed', 'visitor-resumed-user', 'prior-data-served',
  'state-holds-session', 'state-holds-identity', 'text-shows-prior', 'current-not-shown', 'identified-without-jwt', 'expired-token-sent', 'stale-token-after-refresh',
] satisfies ViolationKind[]);

/** Every evidence kind named in failure messages (each an oracle's, ending in a kinds line). */
export function kindsIn(messages: readonly string[]): Set<ViolationKind> {
  const kinds = new Set<ViolationKind>();
  for (const message of messages) {
    for (const line of message.split('\n')) {
      const at = line.indexOf(KINDS_MARK);
      if (at < 0) continue;
      for (const word of line.slice(at + KINDS_MARK.length).trim().split(/\s+/)) if (VIOLATION_KINDS.has(word)) kinds.add(word as ViolationKind);
    }
  }
  return kinds;
}

/** The likely cause of a failing verdict on a platform, or null when its evidence fits no rule. */
export function diagnose(kinds: ReadonlySet<ViolationKind>, platform: Platform): Diagnosis | null {
  const rule = RULES.find((candidate) => candidate.when(kinds));
  if (!rule) return null;
  const advice = platform === 'web' ? rule.web : rule.mobile;
  return { rule: rule.rule, ...advice };
}
