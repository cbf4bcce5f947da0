import type { DeviceProxyServiceOptions } from './device-proxy-service.ts';

type Env = Record<string, string | undefined>;

/** The variables the real-device configs read for device set-up (docs/real-devices.md). */
export const DEVICE_PROXY_ENV = {
  /** `off`: run without the service (the app talks to Intercom itself; nothing reaches the journal). */
  switch: 'CONFORMANCE_DEVICE_PROXY',
  /** Android `host:port` the device reaches the proxy at, instead of adb reverse + 127.0.0.1. */
  androidAddress: 'ANDROID_PROXY_ADDRESS',
  /** Android CA store: `user` (default; push the DER for the user to install) or `system` (a -writable-system emulator). */
  androidCaStore: 'ANDROID_CA_STORE',
  /** The Mac's network services for the simulator's proxy: a comma list, `enabled` (default) or `none`. */
  iosServices: 'IOS_PROXY_NETWORK_SERVICES',
  /** `1`: run networksetup through `sudo -n` (a Mac user who is not root; CI runners have passwordless sudo). */
  iosSudo: 'IOS_PROXY_SUDO',
  /** `refuse`: answer traffic to other hosts 403 instead of passing it through. */
  otherTraffic: 'CONFORMANCE_OTHER_TRAFFIC',
} as const;

/** Whether the real-device configs should use the device proxy service (on unless CONFORMANCE_DEVICE_PROXY=off). */
export function deviceProxyWanted(env: Env = process.env): boolean {
  const value = (env[DEVICE_PROXY_ENV.switch] ?? 'on').toLowerCase();
  if (value === 'on' || value === 'off') return value === 'on';
  throw new Error(`${DEVICE_PROXY_ENV.switch}=${env[DEVICE_PROXY_ENV.switch]} is neither on nor off`);
}

/** The service's options from the environment; a value it cannot use is an error naming the variable. */
export function deviceProxyOptionsFromEnv(env: Env = process.env): Omit<DeviceProxyServiceOptions, 'backend' | 'stateDir' | 'env'> {
  const options: Omit<DeviceProxyServiceOptions, 'backend' | 'stateDir' | 'env'> = {};
  const address = env[DEVICE_PROXY_ENV.androidAddress];
  if (address) {
    if (!/^[\w.-]+:\d{1,5}$/.test(address)) throw new Error(`${DEVICE_PROXY_ENV.androidAddress}=${address} is not host:port (e.g. 10.0.2.2:8080)`);
    options.androidProxyAddress = address;
  }
  const store = env[DEVICE_PROXY_ENV.androidCaStore] ?? 'user';
  if (store !== 'user' && store !== 'system') throw new Error(`${DEVICE_PROXY_ENV.androidCaStore}=${store} is neither user nor system`);
  options.androidSystemStore = store === 'system';
  const services = env[DEVICE_PROXY_ENV.iosServices]?.trim();
  if (services) options.iosNetworkServices = services === 'enabled' || services === 'none' ? services : services.split(',').map((name) => name.trim()).filter(Boolean);
  const sudo = env[DEVICE_PROXY_ENV.iosSudo];
  if (sudo) {
    if (sudo !== '1' && sudo !== '0') throw new Error(`${DEVICE_PROXY_ENV.iosSudo}=${sudo} is neither 1 nor 0`);
    options.iosProxySudo = sudo === '1';
  }
  const other = env[DEVICE_PROXY_ENV.otherTraffic];
  if (other) {
    if (other !== 'pass-through' && other !== 'refuse') throw new Error(`${DEVICE_PROXY_ENV.otherTraffic}=${other} is neither pass-through nor refuse`);
    options.otherTraffic = other;
  }
  return options;
}
