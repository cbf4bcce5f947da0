import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Preflight for the real-device configurations: everything a UiAutomator2 or XCUITest run needs
 * that the simulated device does not. It lists all that is missing in one error, so
 * `wdio run wdio.android.conf.ts` on a machine without an Android SDK fails at once, saying so,
 * instead of timing out in session creation.
 */
export class MissingToolchainError extends Error {
  constructor(target: string, missing: string[]) {
    super(`${target} cannot run on this machine; it lacks:\n${missing.map((line) => `  - ${line}`).join('\n')}\n(The simulated device needs none of this: npx wdio run wdio.conf.ts)`);
    this.name = 'MissingToolchainError';
  }
}

type Env = Record<string, string | undefined>;

function driverInstalled(packageName: string, root: string): boolean {
  return existsSync(join(root, 'node_modules', packageName, 'package.json'));
}

function appCapability(env: Env, missing: string[], idCapability: 'appium:appPackage' | 'appium:bundleId', idVariable: string): Record<string, string> {
  if (env['APP_PATH']) {
    const app = resolve(env['APP_PATH']);
    if (!existsSync(app)) missing.push(`the app: APP_PATH=${env['APP_PATH']} does not exist`);
    return { 'appium:app': app };
  }
  if (env[idVariable]) return { [idCapability]: env[idVariable]! };
  missing.push(`the app under test: set APP_PATH to the ${idCapability === 'appium:appPackage' ? '.apk' : '.app/.ipa'} (or ${idVariable} for an installed app)`);
  return {};
}

/** UiAutomator2 on an emulator (ANDROID_AVD) or a device (ANDROID_UDID), app from APP_PATH. */
export function androidCapabilities(env: Env = process.env, root = process.cwd()): WebdriverIO.Capabilities {
  const missing: string[] = [];
  const sdk = env['ANDROID_HOME'] ?? env['ANDROID_SDK_ROOT'];
  if (!sdk) missing.push('an Android SDK: neither ANDROID_HOME nor ANDROID_SDK_ROOT is set (install the SDK command-line tools, platform-tools and an emulator image)');
  else if (!existsSync(sdk)) missing.push(`an Android SDK: ANDROID_HOME=${sdk} does not exist`);
  else {
    if (!existsSync(join(sdk, 'platform-tools', 'adb'))) missing.push(`adb: ${join(sdk, 'platform-tools', 'adb')} is missing (sdkmanager "platform-tools")`);
    if (env['ANDROID_AVD'] && !existsSync(join(sdk, 'emulator', 'emulator'))) missing.push(`the Android emulator: ${join(sdk, 'emulator', 'emulator')} is missing (sdkmanager "emulator")`);
  }
  if (!env['JAVA_HOME']) missing.push('a JDK: JAVA_HOME is not set (UiAutomator2 needs Java 11+)');
  if (!env['ANDROID_AVD'] && !env['ANDROID_UDID']) missing.push('a device: set ANDROID_AVD (an emulator to boot) or ANDROID_UDID (e.g. emulator-5554, see adb devices)');
  if (!driverInstalled('appium-uiautomator2-driver', root)) missing.push("Appium's UiAutomator2 driver: not installed in this project (npx appium driver install uiautomator2)");
  const app = appCapability(env, missing, 'appium:appPackage', 'APP_PACKAGE');
  if (missing.length) throw new MissingToolchainError('wdio.android.conf.ts (UiAutomator2 emulator/device)', missing);
  return {
    platformName: 'Android',
    'appium:automationName': 'UiAutomator2',
    ...(env['ANDROID_AVD'] ? { 'appium:avd': env['ANDROID_AVD'], 'appium:avdLaunchTimeout': 180_000 } : {}),
    ...(env['ANDROID_UDID'] ? { 'appium:udid': env['ANDROID_UDID'] } : {}),
    ...(env['APP_ACTIVITY'] ? { 'appium:appActivity': env['APP_ACTIVITY'] } : {}),
    ...app,
    'appium:autoGrantPermissions': true,
    'appium:uiautomator2ServerLaunchTimeout': 120_000,
    'appium:newCommandTimeout': 600,
  } as WebdriverIO.Capabilities;
}

/** XCUITest on a simulator (IOS_DEVICE_NAME + IOS_PLATFORM_VERSION) or a device (IOS_UDID), app from APP_PATH. */
export function iosCapabilities(env: Env = process.env, root = process.cwd(), platform: string = process.platform): WebdriverIO.Capabilities {
  const missing: string[] = [];
  if (platform !== 'darwin') missing.push(`macOS with Xcode: this machine runs ${platform} (XCUITest needs macOS, Xcode and its command-line tools)`);
  else {
    try {
      execFileSync('xcode-select', ['-p'], { stdio: 'ignore' });
    } catch {
      missing.push('Xcode: xcode-select -p found no developer directory (install Xcode, then xcode-select --install)');
    }
  }
  if (!env['IOS_UDID'] && !env['IOS_DEVICE_NAME']) missing.push('a device: set IOS_DEVICE_NAME (a simulator, e.g. "iPhone 15", with IOS_PLATFORM_VERSION) or IOS_UDID');
  if (!driverInstalled('appium-xcuitest-driver', root)) missing.push("Appium's XCUITest driver: not installed in this project (npx appium driver install xcuitest)");
  const app = appCapability(env, missing, 'appium:bundleId', 'BUNDLE_ID');
  if (missing.length) throw new MissingToolchainError('wdio.ios.conf.ts (XCUITest simulator/device)', missing);
  return {
    platformName: 'iOS',
    'appium:automationName': 'XCUITest',
    ...(env['IOS_DEVICE_NAME'] ? { 'appium:deviceName': env['IOS_DEVICE_NAME'] } : {}),
    ...(env['IOS_PLATFORM_VERSION'] ? { 'appium:platformVersion': env['IOS_PLATFORM_VERSION'] } : {}),
    ...(env['IOS_UDID'] ? { 'appium:udid': env['IOS_UDID'] } : {}),
    ...app,
    'appium:wdaLaunchTimeout': 120_000,
    'appium:autoAcceptAlerts': true,
    'appium:newCommandTimeout': 600,
  } as WebdriverIO.Capabilities;
}
