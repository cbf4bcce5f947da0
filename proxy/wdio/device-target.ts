/** Which device a WDIO session drives, read from its capabilities (requested or returned by Appium). */
export interface DeviceTarget {
  platform: 'android' | 'ios';
  /** The adb serial or the simulator's UDID; undefined until Appium has picked the device (ANDROID_AVD, IOS_DEVICE_NAME). */
  id: string | undefined;
}

type Capabilities = Record<string, unknown> & { alwaysMatch?: Record<string, unknown> };

/** The capability object a W3C request or a plain one holds. */
export function capabilityObject(capabilities: unknown): Record<string, unknown> {
  const caps = (capabilities ?? {}) as Capabilities;
  return caps.alwaysMatch ?? caps;
}

/** Platform and device of a session; throws naming the capability when the platform is neither Android nor iOS. */
export function deviceTarget(capabilities: unknown): DeviceTarget {
  const caps = capabilityObject(capabilities);
  const platformName = String(caps['platformName'] ?? '').toLowerCase();
  if (platformName !== 'android' && platformName !== 'ios') {
    throw new Error(`the session's platformName is ${JSON.stringify(caps['platformName'])}; device set-up for the recording proxy knows Android and iOS only`);
  }
  // Appium returns the device it picked as appium:udid (some drivers also as udid / deviceUDID).
  const id = [caps['appium:udid'], caps['udid'], caps['deviceUDID'], caps['appium:deviceUDID']].find((value): value is string => typeof value === 'string' && value.length > 0);
  return { platform: platformName, id };
}
