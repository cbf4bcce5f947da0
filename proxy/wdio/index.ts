/** The WDIO side of device set-up: a service for the real-device configs. */
export { DeviceProxyService, PROXY_CAPABILITY, type DeviceProxyServiceOptions, type RecordingProxyBackend } from './device-proxy-service.ts';
export { deviceProxyOptionsFromEnv, deviceProxyWanted, DEVICE_PROXY_ENV } from './options-from-env.ts';
export { deviceTarget, type DeviceTarget } from './device-target.ts';
export { realDeviceProxyServices } from './real-device-services.ts';
