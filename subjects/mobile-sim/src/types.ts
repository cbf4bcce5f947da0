/** Public types of the simulated device: fault profiles, options, the app's UI model. */

export type SimPlatform = 'android' | 'ios';

/** The Intercom data-hosting region a native SDK is configured with (it picks the host, not a URL). */
export type IntercomRegion = 'us' | 'eu' | 'au';

/**
 * How the SDK model's messenger traffic leaves the device: `direct` to the mock's URL, or `proxy`,
 * as a production SDK does: HTTPS to Intercom's host for the platform and region, through the
 * recording proxy, trusting only the run's CA. The app's token service is reached directly either way.
 */
export type SimNetwork = { mode: 'direct' } | { mode: 'proxy'; proxyUrl: string; caPath: string; caPem: string; region: IntercomRegion };

/**
 * A model of one SDK (or app) behaviour: data that names it, says which platforms it affects and
 * cites the public report it comes from, plus hooks over the SDK model and the reference app. A
 * hook left out, or a platform not listed, means the correct behaviour.
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
  /**
   * The app's JWT timing when the capabilities (`appium:jwtTtlS`, `appium:jwtRefreshS`) do not
   * set it: an app written with another refresh margin. Capabilities win.
   */
  readonly appTiming?: AppTiming;
}

export interface AppTiming {
  readonly jwtTtlS?: number;
  readonly jwtRefreshS?: number;
}

/** A hook may answer at once or with a promise; the SDK awaits either. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Every hook gets the context it runs for as its last argument (Android and iOS sessions run at
 * once in one Appium process, so module-level state is shared between them: key it by
 * `context.session.id`).
 */
export interface ProfileHooks {
  /** Which JWT the SDK attaches to a request as `intercom_user_jwt` (null: none). Correct: `current`. */
  requestJwt?(request: RequestJwtContext, context: HookContext): MaybePromise<string | null>;
  /** What `logout()` clears. Correct: everything, and the messenger is dismissed. */
  logout?(plan: LogoutPlan, context: HookContext): MaybePromise<LogoutPlan>;
  /** The order in which the app's sign-in calls the SDK. Correct: `[setUserJwt, login]`. */
  signIn?(steps: SignInSteps, context: HookContext): MaybePromise<readonly AppStep[]>;
  /** The order of the app's work when it returns to the foreground. Correct: `[refreshJwtIfDue, sdkForeground]`. */
  resume?(steps: ResumeSteps, context: HookContext): MaybePromise<readonly AppStep[]>;
  /**
   * The app's log-out flow. Correct: `[sdkLogout, appLogout]`. Steps of the hook's own may be
   * added (a `context.send('events', …)` before `sdkLogout` is a correct app's `trackEvent('signed-out')`).
   */
  logOut?(steps: LogOutSteps, context: HookContext): MaybePromise<readonly AppStep[]>;
  /**
   * Each request the SDK is about to send: change `body` and `user` in place or return a new
   * request; what comes back goes out. Awaited, so a delay here is network latency (the request
   * keeps the send order it got before the hook ran).
   */
  beforeRequest?(request: OutgoingRequest, context: HookContext): MaybePromise<OutgoingRequest | void>;
  /** Each response, before the SDK acts on it. */
  afterResponse?(exchange: SdkExchange, context: HookContext): MaybePromise<void>;
}

export type AppStep = () => Promise<void>;

/** Who a hook runs for. */
export interface HookContext {
  readonly platform: SimPlatform;
  readonly device: { readonly identifier: string; readonly platformVersion: string; readonly sdkVersion: string; readonly userAgent: string };
  /** The Appium session (its id) and the mock namespace it talks to. */
  readonly session: { readonly id: string; readonly namespace: string | null };
  /** The device's virtual clock, in seconds since the session began. */
  nowS(): number;
  /** Sends a request now as the SDK would (JWT, session and user of the moment, through `beforeRequest`); answers with the response. */
  send(path: string, fields?: Record<string, unknown>): Promise<SdkResponse>;
  /** Queues a request with the identity of the moment (JWT, session, user); `flush` sends the queue. */
  enqueue(path: string, fields?: Record<string, unknown>): void;
  /** Sends every queued request, oldest first, each with the identity it was queued with. */
  flush(): Promise<void>;
}

export interface RequestJwtContext {
  /** Mobile endpoint path, e.g. `users`, `open`, `conversations/123/reply`. */
  readonly path: string;
  /** The JWT of the latest `setUserJwt`, or null. */
  readonly current: string | null;
  /** The JWT the latest `setUserJwt` replaced, or null. */
  readonly previous: string | null;
  /** Every `setUserJwt` since the device booted (logout does not erase history), oldest first. */
  readonly refreshes: readonly JwtHandOver[];
  /** The JWT that went out with the `users` request that opened the live session (null before). */
  readonly sessionJwt: string | null;
  /** Whether the SDK holds a session token from a `users` response. */
  readonly hasSession: boolean;
  /** The device's virtual clock, in seconds. */
  readonly nowS: number;
}

/** One `setUserJwt` call. */
export interface JwtHandOver {
  readonly jwt: string;
  readonly fingerprint: string;
  readonly atS: number;
  /** The device's send counter at the call: requests with a greater `x-conformance-sent` went out after it. */
  readonly sent: number;
}

/** A request on its way out. `body` is everything but `user`; `user` is the user attributes (null: none). */
export interface OutgoingRequest {
  readonly path: string;
  body: Record<string, unknown>;
  user: Record<string, unknown> | null;
  /** The send counter the request carries as `x-conformance-sent`. */
  readonly sent: number;
}

export interface SdkResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface SdkExchange {
  readonly path: string;
  /** The body as sent, `user` included. */
  readonly request: Readonly<Record<string, unknown>>;
  readonly sent: number;
  readonly response: Readonly<SdkResponse>;
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

export interface LogOutSteps {
  /** Intercom `logout()`. */
  readonly sdkLogout: AppStep;
  /** The app's own sign-out: it stops refreshing the JWT and ends its backend session. */
  readonly appLogout: AppStep;
}

/**
 * An identity call the app made on the SDK, with the device's send counter at that moment:
 * `mobile: sdkCalls` lists them so the harness can put a boundary (logout) or a hand-over
 * (setUserJwt) where the app made it, not where a spec noticed it.
 */
export interface SdkCall {
  call: 'setUserJwt' | 'logout' | 'loginUserWithUserAttributes' | 'loginUnidentifiedUser';
  sent: number;
  t_s: number;
  jwt_fingerprint?: string;
}

export interface SdkCallLog {
  /** The send counter now: the last request the device sent carried this number. */
  sent: number;
  calls: SdkCall[];
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
  network: SimNetwork;
  /** Whether the capabilities set the timing (else the profile's `appTiming` may). */
  timingFromCapabilities: { jwtTtlS: boolean; jwtRefreshS: boolean };
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
  /** The app's JWT lifetime and refresh delay in effect. */
  timing: { jwtTtlS: number; jwtRefreshS: number };
  app: {
    state: 'foreground' | 'background';
    signed_in_as: string | null;
    jwt: { fingerprint: string; fetched_at_s: number; refresh_due_s: number; expires_at_s: number } | null;
    status: string;
  };
  sdk: { registered: string | null; jwt_fingerprint: string | null; session: boolean; messenger_visible: boolean };
  events: DeviceEvent[];
}
