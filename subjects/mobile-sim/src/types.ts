/** Public types of the simulated device: fault profiles, options, the app's UI model. */

export type SimPlatform = 'android' | 'ios';

/**
 * A model of one SDK (or app) behaviour: data that names it, says which platforms it affects and
 * cites the public report it comes from, plus small hooks over the SDK model and the reference
 * app. A hook left out, or a platform not listed, means the correct behaviour.
 *
 * A profile module (`appium:sdkProfileModule`) is an ES module whose default export has this shape.
 */
export interface SdkProfile {
  readonly name: string;
  readonly description: string;
  readonly platforms: readonly SimPlatform[];
  /** URL of the report, pull request or thread the behaviour is modelled on. */
  readonly source: string;
  readonly hooks?: ProfileHooks;
}

export interface ProfileHooks {
  /** Which JWT the SDK attaches to a request as `intercom_user_jwt` (null: none). Correct: `current`. */
  requestJwt?(context: RequestJwtContext): string | null;
  /** What `logout()` clears. Correct: everything, and the messenger is dismissed. */
  logout?(plan: LogoutPlan): LogoutPlan;
  /** The order in which the app's sign-in calls the SDK. Correct: `[setUserJwt, login]`. */
  signIn?(steps: SignInSteps): readonly AppStep[];
  /** The order of the app's work when it returns to the foreground. Correct: `[refreshJwtIfDue, sdkForeground]`. */
  resume?(steps: ResumeSteps): readonly AppStep[];
}

export type AppStep = () => Promise<void>;

export interface RequestJwtContext {
  /** Mobile endpoint path, e.g. `users`, `open`, `conversations/123/reply`. */
  readonly path: string;
  /** The JWT of the latest `setUserJwt`, or null. */
  readonly current: string | null;
  /** The JWT that went out with the `users` request that opened the live session (null before). */
  readonly sessionJwt: string | null;
  /** Whether the SDK holds a session token from a `users` response. */
  readonly hasSession: boolean;
}

export interface LogoutPlan {
  dismissMessenger: boolean;
  /** The messenger's cached user and conversations (what its UI renders). */
  clearCache: boolean;
  forgetSession: boolean;
  forgetJwt: boolean;
}

export interface SignInSteps {
  readonly setUserJwt: AppStep;
  readonly login: AppStep;
}

export interface ResumeSteps {
  /** The app fetches a new JWT and calls `setUserJwt` when its refresh is due or the JWT expired. */
  readonly refreshJwtIfDue: AppStep;
  /** The SDK's own foreground work: `POST open` for a registered user. */
  readonly sdkForeground: AppStep;
}

/** Everything a session needs, read and checked from the capabilities. */
export interface SimOptions {
  platform: SimPlatform;
  mockServerUrl: string;
  tokenServiceUrl: string;
  intercomAppId: string;
  jwtTtlS: number;
  jwtRefreshS: number;
  sdkVersion: string;
  platformVersion: string;
  deviceIdentifier: string;
  /** Sent as `X-Mock-Ns` so parallel sessions can share one mock. */
  namespace: string | null;
}

export interface MessengerUser {
  user_id: string | null;
  email: string | null;
  name: string | null;
}

export interface ConversationPartView {
  id: string;
  author: string;
  body: string;
}

export interface ConversationView {
  id: string;
  parts: ConversationPartView[];
}

/** What the SDK keeps locally and its messenger UI renders. */
export interface MessengerCache {
  user: MessengerUser | null;
  conversations: ConversationView[];
  unreadCount: number;
}

export interface MessengerView extends MessengerCache {
  visible: boolean;
  /** A failure shown inside the messenger ("Something's gone wrong"), or null. */
  error: string | null;
}

/** One entry of the device's event log: virtual time, what happened, fingerprints never tokens. */
export interface DeviceEvent {
  t_s: number;
  kind: string;
  detail: string;
}

export type UiRole = 'screen' | 'container' | 'text' | 'button' | 'input' | 'list' | 'item';

/** The app's UI, platform-neutral; ui-tree.ts renders it as an Android or iOS hierarchy. */
export interface UiNode {
  /** Unique in the tree; element handles resolve through it, so they survive re-renders. */
  key: string;
  role: UiRole;
  accessibilityId?: string;
  text?: string;
  /** Placeholder of an input, or a description of an otherwise empty element. */
  hint?: string;
  enabled?: boolean;
  selected?: boolean;
  children?: UiNode[];
}

export interface FiredTimer {
  label: string;
  at_s: number;
  error?: string;
}

export interface AdvanceReport {
  from_s: number;
  to_s: number;
  suspended: boolean;
  fired: FiredTimer[];
}

/** `mobile: simInfo`: what the simulated device is doing, for diagnostics. No raw tokens. */
export interface SimInfo {
  platform: SimPlatform;
  device_identifier: string;
  user_agent: string;
  profile: { name: string; description: string; platforms: readonly SimPlatform[]; source: string; active: boolean };
  clock: { now_s: number; suspended: boolean; timers: { label: string; due_s: number }[] };
  app: {
    state: 'foreground' | 'background';
    signed_in_as: string | null;
    jwt: { fingerprint: string; fetched_at_s: number; refresh_due_s: number; expires_at_s: number } | null;
    status: string;
  };
  sdk: { registered: string | null; jwt_fingerprint: string | null; session: boolean; messenger_visible: boolean };
  events: DeviceEvent[];
}
