import { basename } from 'node:path';
import type { DeviceInfo, MobilePlatform } from './subject.ts';

export const SIM_AUTOMATION_NAME = 'IntercomSim';

/**
 * Reads the worker's device from its capabilities. The mock URL comes from `appium:mockServerUrl`
 * (the mock launcher sets it per capability), else MOCK_URL.
 */
export function deviceInfo(requested: Record<string, unknown>, appId: string): DeviceInfo {
  const platformName = String(requested['platformName'] ?? '');
  const platform: MobilePlatform | null = /^android$/i.test(platformName) ? 'Android' : /^ios$/i.test(platformName) ? 'iOS' : null;
  if (!platform) throw new Error(`platformName must be Android or iOS, got "${platformName}"`);
  const automationName = String(requested['appium:automationName'] ?? '');
  const mockUrl = (requested['appium:mockServerUrl'] as string | undefined) ?? process.env['MOCK_URL'];
  if (!mockUrl) throw new Error('no mock to judge from: neither appium:mockServerUrl nor MOCK_URL is set (is MockServerLauncher in the config\'s services?)');
  const module = requested['appium:sdkProfileModule'] as string | undefined;
  const virtualClock = automationName.toLowerCase() === SIM_AUTOMATION_NAME.toLowerCase();
  return {
    platform,
    automationName,
    virtualClock,
    profile: module ? basename(module).replace(/\.[cm]?[jt]s$/, '') : virtualClock ? String(requested['appium:sdkProfile'] ?? 'correct') : 'app',
    mockUrl: mockUrl.replace(/\/$/, ''),
    appId,
  };
}
