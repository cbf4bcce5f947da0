import type { AppStep, LogoutPlan, RequestJwtContext, ResumeSteps, SdkProfile, SignInSteps, SimPlatform } from '../types.ts';

/**
 * A profile's hooks for one platform, every hook present: the profile's own where it has one and
 * affects this platform, the correct behaviour otherwise. Results are checked, so a hand-written
 * profile module that returns the wrong shape fails with a sentence naming the hook.
 */
export interface ActiveHooks {
  /** True when the profile changes anything on this platform. */
  readonly active: boolean;
  requestJwt(context: RequestJwtContext): string | null;
  logout(): LogoutPlan;
  signIn(steps: SignInSteps): readonly AppStep[];
  resume(steps: ResumeSteps): readonly AppStep[];
}

const FULL_LOGOUT: LogoutPlan = { dismissMessenger: true, clearCache: true, forgetSession: true, forgetJwt: true };

export function activeHooks(profile: SdkProfile, platform: SimPlatform): ActiveHooks {
  const hooks = profile.platforms.includes(platform) ? (profile.hooks ?? {}) : {};
  const where = (hook: string): string => `profile "${profile.name}": hooks.${hook}`;
  return {
    active: Object.keys(hooks).length > 0,
    requestJwt(context) {
      if (!hooks.requestJwt) return context.current;
      const jwt: unknown = hooks.requestJwt(context);
      if (jwt !== null && typeof jwt !== 'string') throw new TypeError(`${where('requestJwt')} must return a JWT string or null, got ${describe(jwt)}`);
      return jwt;
    },
    logout() {
      if (!hooks.logout) return { ...FULL_LOGOUT };
      const plan: unknown = hooks.logout({ ...FULL_LOGOUT });
      const fields = Object.keys(FULL_LOGOUT) as (keyof LogoutPlan)[];
      if (typeof plan !== 'object' || plan === null || fields.some((field) => typeof (plan as Record<string, unknown>)[field] !== 'boolean')) {
        throw new TypeError(`${where('logout')} must return {${fields.join(', ')}} as booleans, got ${describe(plan)}`);
      }
      return plan as LogoutPlan;
    },
    signIn(steps) {
      return hooks.signIn ? checkedSteps(hooks.signIn(steps), steps, where('signIn')) : [steps.setUserJwt, steps.login];
    },
    resume(steps) {
      return hooks.resume ? checkedSteps(hooks.resume(steps), steps, where('resume')) : [steps.refreshJwtIfDue, steps.sdkForeground];
    },
  };
}

/** A step hook may reorder or drop the steps it is given, not invent new ones. */
function checkedSteps(result: unknown, given: SignInSteps | ResumeSteps, where: string): readonly AppStep[] {
  const allowed = new Set<unknown>(Object.values(given));
  if (!Array.isArray(result) || result.some((step) => !allowed.has(step))) {
    throw new TypeError(`${where} must return an array of the steps it was given (${Object.keys(given).join(', ')}), got ${describe(result)}`);
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
