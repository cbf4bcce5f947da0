/**
 * Mobile conformance on a real Android emulator or device (UiAutomator2), extending wdio.conf.ts.
 *
 *   npx appium driver install uiautomator2          # once; records appium-uiautomator2-driver in package.json
 *   ANDROID_HOME=~/Android/Sdk JAVA_HOME=… ANDROID_AVD=Pixel_8_API_34 \
 *   APP_PATH=./app-debug.apk MOBILE_SELECTORS=./my-app.selectors.json npx wdio run wdio.android.conf.ts
 *
 * Needs: an Android SDK (ANDROID_HOME or ANDROID_SDK_ROOT, with platform-tools and, for an AVD, the
 * emulator), a JDK (JAVA_HOME), a device (ANDROID_AVD to boot an emulator, or ANDROID_UDID of a
 * running one), the app (APP_PATH to an .apk, or APP_PACKAGE [+ APP_ACTIVITY] when installed), and
 * Appium's UiAutomator2 driver. Whatever of that is missing is listed when the config loads, and the
 * run stops there: nothing is reported as run. This machine has none of it (no Android SDK, no JDK,
 * the driver is not installed).
 *
 * The app's messenger traffic reaches the mock through the recording proxy (the native SDK takes a
 * region, not a URL): DeviceProxyService (proxy/wdio/) starts it in front of the mock and, before
 * the session, points the device at it (adb reverse + global http_proxy) and gives it the run's CA,
 * restoring all of it afterwards; the app must trust that CA (docs/real-devices.md: the user store
 * needs a debug network_security_config, ANDROID_CA_STORE=system a -writable-system emulator).
 * Every device command is logged in <MOBILE_REPORTS_DIR>/devices/. CONFORMANCE_DEVICE_PROXY=off runs
 * without it (nothing of the app's Intercom traffic is then judged).
 * Time is real on a device: MOB-JWT-REFRESH-01 runs its 30-minute session in 30 minutes.
 */
import { config as base } from './wdio.conf.ts';
import { androidCapabilities } from './harness/mobile/real-device.ts';
import { realDeviceProxyServices } from './proxy/wdio/index.ts';

// Project mode (APPIUM_HOME unset): Appium finds the drivers `npx appium driver install` recorded.
delete process.env['APPIUM_HOME'];

export const config: WebdriverIO.Config = {
  ...base,
  // The app's Intercom traffic reaches the mock through the recording proxy, the device set up for
  // it by DeviceProxyService (docs/real-devices.md); CONFORMANCE_DEVICE_PROXY=off leaves it out.
  services: [...(base.services ?? []), ...realDeviceProxyServices()],
  capabilities: [androidCapabilities()],
  maxInstances: 1,
  connectionRetryTimeout: 240_000,
  mochaOpts: { ...base.mochaOpts, timeout: 45 * 60_000 },
};
