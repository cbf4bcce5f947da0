import type {
  AppStep,
  HookContext,
  LogOutSteps,
  LogoutPlan,
  OutgoingRequest,
  RequestJwtContext,
  ResumeSteps,
  SdkExchange,
  SdkProfile,
  SignInSteps,
  SimPlatform,
} from '../types.ts';

/**
 * A profile's hooks for one platform, every hook present: the profile's own where it has one and
 * affects this platform, the correct behaviour otherwise. Hooks may be sync or async; results are
 * checked, so a hand-written profile module that returns the wrong shape fails with a sentence
 * naming the hook.
 */
export interface ActiveHooks {
  /** True when the profile changes anything on this platform. */
  readonly active: boolean;
  requestJwt(request: RequestJwtContext, context: HookContext): Promise<string | null>;
  logout(context: HookContext): Promise<LogoutPlan>;
  signIn(steps: SignInSteps, context: HookContext): Promise<readonly AppStep[]>;
  resume(steps: ResumeSteps, context: HookContext): Promise<readonly AppStep[]>;
  logOut(steps: LogOutSteps, context: HookContext): Promise<readonly AppStep[]>;
  beforeRequest(request: OutgoingRequest, context: HookContext): Promise<OutgoingRequest>;
  afterResponse(exchange: SdkExchange, context: HookContext): Promise<void>;
}

const FULL_LOGOUT: LogoutPlan = { dismissMessenger: true, clearCache: true, forgetSession: true, forgetJwt: true };

export function activeHooks(profile: SdkProfile, platform: SimPlatform): ActiveHooks {
  const hooks = profile.platforms.includes(platform) ? (profile.hooks ?? {}) : {};
  const where = (hook: string): string => `profile "${profile.name}": hooks.${hook}`;
  return {
    active: Object.keys(hooks).length > 0,
    async requestJwt(request, context) {
      if (!hooks.requestJwt) return request.current;
      const jwt: unknown = await hooks.requestJwt(request, context);
      if (jwt !== null && typeof jwt !== 'string') throw new TypeError(`${where('requestJwt')} must return a JWT string or null, got ${describe(jwt)}`);
      return jwt;
    },
    async logout(context) {
      if (!hooks.logout) return { ...FULL_LOGOUT };
      const plan: unknown = await hooks.logout({ ...FULL_LOGOUT }, context);
      const fields = Object.keys(FULL_LOGOUT) as (keyof LogoutPlan)[];
      if (typeof plan !== 'object' || plan === null || fields.some((field) => typeof (plan as Record<string, unknown>)[field] !== 'boolean')) {
        throw new TypeError(`${where('logout')} must return {${fields.join(', ')}} as booleans, got ${describe(plan)}`);
      }
      return plan as LogoutPlan;
    },
    async signIn(steps, context) {
      return hooks.signIn ? checkedSteps(await hooks.signIn(steps, context), steps, where('signIn'), false) : [steps.setUserJwt, steps.login];
    },
    async resume(steps, context) {
      return hooks.resume ? checkedSteps(await hooks.resume(steps, context), steps, where('resume'), false) : [steps.refreshJwtIfDue, steps.sdkForeground];
    },
    async logOut(steps, context) {
      return hooks.logOut ? checkedSteps(await hooks.logOut(steps, context), steps, where('logOut'), true) : [steps.sdkLogout, steps.appLogout];
    },
    async beforeRequest(request, context) {
      if (!hooks.beforeRequest) return request;
      const result: unknown = await hooks.beforeRequest(request, context);
      const changed = result === undefined ? request : result;
      if (typeof changed !== 'object' || changed === null) throw new TypeError(`${where('beforeRequest')} must change the request in place or return {path, body, user}, got ${describe(result)}`);
      const { body, user } = changed as Partial<OutgoingRequest>;
      if (typeof body !== 'object' || body === null || Array.isArray(body) || (user !== null && (typeof user !== 'object' || Array.isArray(user)))) {
        throw new TypeError(`${where('beforeRequest')}: body must be an object and user an object or null, got body ${describe(body)}, user ${describe(user)}`);
      }
      return { path: request.path, sent: request.sent, body, user: user ?? null };
    },
    async afterResponse(exchange, context) {
      if (hooks.afterResponse) await hooks.afterResponse(exchange, context);
    },
  };
}

/**
 * Sign-in and resume hooks may reorder or drop the steps they are given, not invent new ones; the
 * log-out flow may also run steps of its own (functions), as a real app's does.
 */
function checkedSteps(result: unknown, given: SignInSteps | ResumeSteps | LogOutSteps, where: string, ownStepsAllowed: boolean): readonly AppStep[] {
  const allowed = new Set<unknown>(Object.values(given));
  const ok = Array.isArray(result) && result.every((step) => (ownStepsAllowed ? typeof step === 'function' : allowed.has(step)));
  if (!ok) {
    const what = ownStepsAllowed ? `an array of steps (functions; given: ${Object.keys(given).join(', ')})` : `an array of the steps it was given (${Object.keys(given).join(', ')})`;
    throw new TypeError(`${where} must return ${what}, got ${describe(result)}`);
  }
  return result as AppStep[];
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
