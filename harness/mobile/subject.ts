/**
 * The mobile subject interface: what the mobile specs need from an app under test, as a person
 * would do it. specs/mobile/screens implements it with screen objects over the selector map, so
 * the simulated device and a real app whose ids follow the map are driven the same way.
 *
 * Each action resolves once the app's UI has taken it in; waiting for the messenger traffic it
 * causes to land in the journal is MobileSession's job, not the app's.
 */
import type { MobilePlatform } from '../result.ts';

export interface MobileApp {
  /** Signs in as this user: the app gets a JWT from its backend, calls setUserJwt and logs in to Intercom. */
  logIn(userId: string): Promise<void>;
  /** Logs out: Intercom logout(), then the app's own. */
  logOut(): Promise<void>;
  /** Lets a visitor chat after logout: Intercom loginUnidentifiedUser, then the messenger. */
  continueAsVisitor(): Promise<void>;
  /** Asks the app to fetch a new JWT now and hand it to the SDK (setUserJwt). */
  refreshJwt(): Promise<void>;
  /** Opens the messenger (Intercom present()). */
  openMessenger(): Promise<void>;
  /** Replies in the messenger's first conversation. */
  sendReply(text: string): Promise<void>;
  /** The status line's text, or null when the app has none. */
  status(): Promise<string | null>;
}

/** Re-exported for subject authors: `Android` or `iOS`, defined once in harness/result.ts. */
export type { MobilePlatform } from '../result.ts';

/** What a worker knows about the device it drives, read from the session's capabilities. */
export interface DeviceInfo {
  platform: MobilePlatform;
  /** `appium:automationName`: IntercomSim for the simulated device. */
  automationName: string;
  /** The simulated device runs on a virtual clock the harness moves; a real one does not. */
  virtualClock: boolean;
  /** `appium:sdkProfile` or the basename of `appium:sdkProfileModule` (simulated device), else `app`. */
  profile: string;
  /** The mock this worker's device talks to. */
  mockUrl: string;
  /** Package (Android) or bundle id (iOS), for activateApp. */
  appId: string;
}
