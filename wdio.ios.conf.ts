/**
 * Mobile conformance on a real iOS simulator or device (XCUITest), extending wdio.conf.ts.
 *
 *   npx appium driver install xcuitest              # once; records appium-xcuitest-driver in package.json
 *   IOS_DEVICE_NAME="iPhone 15" IOS_PLATFORM_VERSION=17.5 \
 *   APP_PATH=./MyApp.app MOBILE_SELECTORS=./my-app.selectors.json npx wdio run wdio.ios.conf.ts
 *
 * Needs: macOS with Xcode and its command-line tools, a device (IOS_DEVICE_NAME [+
 * IOS_PLATFORM_VERSION] for a simulator, or IOS_UDID), the app (APP_PATH to a .app/.ipa, or
 * BUNDLE_ID when installed), and Appium's XCUITest driver. Whatever of that is missing is listed
 * when the config loads, and the run stops there: nothing is reported as run. This machine has none
 * of it (Linux, no Xcode, the driver is not installed).
 *
 * As on Android, the app's traffic reaches the mock through the recording proxy: DeviceProxyService
 * adds the run's CA to the simulator (`xcrun simctl keychain <udid> add-root-cert`) and points the
 * Mac's web and secure web proxy at it (networksetup; IOS_PROXY_SUDO=1 where that needs sudo),
 * restored afterwards (docs/real-devices.md). CONFORMANCE_DEVICE_PROXY=off runs without it.
 * MOB-JWT-REFRESH-01 takes 30 real minutes.
 */
import { config as base } from './wdio.conf.ts';
import { iosCapabilities } from './harness/mobile/real-device.ts';
import { realDeviceProxyServices } from './proxy/wdio/index.ts';

// Project mode (APPIUM_HOME unset): Appium finds the drivers `npx appium driver install` recorded.
delete process.env['APPIUM_HOME'];

export const config: WebdriverIO.Config = {
  ...base,
  // The app's Intercom traffic reaches the mock through the recording proxy, the device set up for
  // it by DeviceProxyService (docs/real-devices.md); CONFORMANCE_DEVICE_PROXY=off leaves it out.
  services: [...(base.services ?? []), ...realDeviceProxyServices()],
  capabilities: [iosCapabilities()],
  maxInstances: 1,
  connectionRetryTimeout: 240_000,
  mochaOpts: { ...base.mochaOpts, timeout: 45 * 60_000 },
};
