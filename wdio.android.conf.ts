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
 * The app's messenger traffic must reach the mock for the checks to judge it: the native SDK takes a
 * region, not a URL, so that means a recording proxy the device trusts (docs/architecture.md, "Modes") feeding
 * the journal; the mock binds MOCK_HOST (e.g. 0.0.0.0; an emulator reaches the host as 10.0.2.2).
 * Time is real on a device: MOB-JWT-REFRESH-01 runs its 30-minute session in 30 minutes.
 */
import { config as base } from './wdio.conf.ts';
import { androidCapabilities } from './harness/mobile/real-device.ts';

// Project mode (APPIUM_HOME unset): Appium finds the drivers `npx appium driver install` recorded.
delete process.env['APPIUM_HOME'];

export const config: WebdriverIO.Config = {
  ...base,
  capabilities: [androidCapabilities()],
  maxInstances: 1,
  connectionRetryTimeout: 240_000,
  mochaOpts: { ...base.mochaOpts, timeout: 45 * 60_000 },
};
