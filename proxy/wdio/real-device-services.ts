import { resolve } from 'node:path';
import type { Services } from '@wdio/types';
import { DeviceProxyService, type DeviceProxyServiceOptions } from './device-proxy-service.ts';
import { deviceProxyOptionsFromEnv, deviceProxyWanted } from './options-from-env.ts';

type Env = Record<string, string | undefined>;

/**
 * The services entry the real-device configs add: DeviceProxyService with the project's recording
 * proxy (the default backend), configured from the environment, its logs and restore plans in <MOBILE_REPORTS_DIR>/devices.
 * Empty when CONFORMANCE_DEVICE_PROXY=off.
 */
export function realDeviceProxyServices(env: Env = process.env): NonNullable<WebdriverIO.Config['services']> {
  if (!deviceProxyWanted(env)) return [];
  const stateDir = resolve(env['MOBILE_REPORTS_DIR'] ?? 'reports/mobile', 'devices');
  const options: DeviceProxyServiceOptions = { stateDir, ...deviceProxyOptionsFromEnv(env) };
  const entry: [Services.ServiceClass, WebdriverIO.ServiceOption] = [DeviceProxyService, options];
  return [entry];
}
