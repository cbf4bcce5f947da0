import type { Platform } from '../types.ts';
import type { Surface } from './request-context.ts';

const ANDROID_AGENT = /android|okhttp|dalvik/i;
const IOS_AGENT = /\b(ios|iphone|ipad|darwin|cfnetwork)\b/i;

/** Web by path; on the mobile surface an explicit `platform` field wins, then the User-Agent. */
export function detectPlatform(surface: Surface, body: Record<string, unknown>, userAgent: string | undefined): Platform {
  if (surface === 'web') return 'web';
  const declared = typeof body['platform'] === 'string' ? body['platform'].toLowerCase() : '';
  if (declared === 'android' || declared === 'ios') return declared;
  if (userAgent && ANDROID_AGENT.test(userAgent)) return 'android';
  if (userAgent && IOS_AGENT.test(userAgent)) return 'ios';
  return 'other';
}
