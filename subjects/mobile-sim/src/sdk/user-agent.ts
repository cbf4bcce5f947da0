import type { SimPlatform } from '../types.ts';

/**
 * The User-Agent each native SDK's HTTP stack sends; the mock tells the platforms apart by it
 * (Android: OkHttp under the SDK's own product token; iOS: CFNetwork).
 */
export function sdkUserAgent(platform: SimPlatform, sdkVersion: string, platformVersion: string): string {
  return platform === 'android'
    ? `intercom-android-sdk/${sdkVersion} (Linux; Android ${platformVersion}) okhttp/4.12.0`
    : `intercom-ios-sdk/${sdkVersion} (iPhone; iOS ${platformVersion}) CFNetwork/1568.100.1 Darwin/24.0.0`;
}
