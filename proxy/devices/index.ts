/** Device set-up for the recording proxy, runner-neutral: what the WDIO service (proxy/wdio/) and any other runner use. */
export { DeviceCommands, DeviceCommandError, MissingDeviceToolError, DEVICE_TOOLS, type DeviceTool, type DeviceCommandsOptions, type CommandResult } from './device-commands.ts';
export { prepareAndroidDevice, type AndroidSetupOptions } from './android.ts';
export { prepareIosSimulator, parseMacProxy, enabledNetworkServices, type IosSimulatorSetupOptions } from './ios-simulator.ts';
export { runRestorePlan, DeviceRestoreError, type RestorePlan, type RestoreStep } from './restore-plan.ts';
export type { PreparedDevice } from './prepared-device.ts';
