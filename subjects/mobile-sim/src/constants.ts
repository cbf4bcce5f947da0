/** Names and defaults of the simulated device; the README's capability table mirrors these. */

export const DRIVER_NAME = 'intercom-sim';
export const AUTOMATION_NAME = 'IntercomSim';

/** The one app installed on the simulated device (package on Android, bundle id on iOS). */
export const APP_ID = 'io.intercom.conformance.sim';
export const APP_TITLE = 'Intercom Sim';

export const DEFAULTS = {
  /** Where `npm run mock` listens by default. */
  mockServerUrl: 'http://127.0.0.1:4010',
  /** The Intercom app id the SDK is configured with (the mock's seeded workspace). */
  intercomAppId: 'mockapp1',
  /** The seed thread's 5-minute JWT, refreshed every 4 minutes while signed in. */
  jwtTtlS: 300,
  jwtRefreshS: 240,
  sdkProfile: 'correct',
  sdkVersion: { android: '17.1.0', ios: '19.2.0' },
  platformVersion: { android: '14', ios: '18.0' },
  /** The region the SDK is configured with: it picks Intercom's host in the `proxy` network mode. */
  intercomRegion: 'us',
} as const;

/** `appium:network`: straight to the mock's URL (default), or as a production SDK, through the recording proxy. */
export const NETWORK_MODES = ['direct', 'proxy'] as const;

/** A request to the mock or the token service that takes longer than this fails the action. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Timers that keep rescheduling at zero delay would otherwise spin `advanceClock` forever. */
export const MAX_TIMER_FIRINGS_PER_ADVANCE = 10_000;

/** How many entries of the device's event log `mobile: simInfo` returns. */
export const EVENT_LOG_LIMIT = 200;

/** The users the reference app offers to sign in as (seeded in the mock's workspace). */
export const SIGN_IN_USERS = ['alice', 'bob'] as const;

/**
 * The selector map: every element a spec touches, by accessibility id. A real app under test
 * supplies the same map with its own ids (content-desc on Android, accessibilityIdentifier on iOS).
 */
export const ACCESSIBILITY_IDS = {
  status: 'status',
  loginAlice: 'login-alice',
  loginBob: 'login-bob',
  refreshJwt: 'refresh-jwt',
  openMessenger: 'open-messenger',
  logout: 'logout',
  visitor: 'continue-as-guest',
  messenger: 'messenger',
  closeMessenger: 'close-messenger',
  userName: 'user-name',
  messengerError: 'messenger-error',
  conversationList: 'conversation-list',
  replyInput: 'reply-input',
  sendReply: 'send-reply',
} as const;

/** `conversation-<id>`: one row of the conversation list. */
export const CONVERSATION_ID_PREFIX = 'conversation-';

/** Android's error when a user is registered again without logout() (docs/intercom-behaviour.md, "Mobile SDKs"). */
export const ANDROID_ALREADY_REGISTERED = {
  code: 3002,
  message: 'We already have a registered user. If you are attempting to register a new user, call logout() before this.',
} as const;
