import { isSimAutomation, profileNameOf, SIM_DEVICE } from './device-contract.ts';
import type { DeviceInfo, MobilePlatform } from './subject.ts';

/** `appium:automationName` of the simulated device (its manifest's `appium.automationName`). */
export const SIM_AUTOMATION_NAME = SIM_DEVICE.automationName;

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
  const virtualClock = isSimAutomation(automationName);
  return {
    platform,
    automationName,
    virtualClock,
    profile: profileNameOf(requested),
    mockUrl: mockUrl.replace(/\/$/, ''),
    appId,
  };
}
