/**
 * The app under test as the mobile specs drive it: screen objects over the selector map
 * (appium-boilerplate style), composed into the harness's MobileApp interface.
 */
import type { MobileApp } from '../../../harness/mobile/index.ts';
import home from './home.screen.ts';
import messenger from './messenger.screen.ts';
import { selectors } from './screen.ts';

export { home, messenger, selectors };

/** Package (Android) or bundle id (iOS) of the app, from the selector map. */
export const appId = selectors.appId;

export const app: MobileApp = {
  logIn: (userId) => home.logIn(userId),
  logOut: () => home.logOut(),
  continueAsVisitor: () => home.continueAsVisitor(),
  refreshJwt: () => home.refreshJwt(),
  openMessenger: () => home.openMessenger(),
  sendReply: (text) => messenger.sendReply(text),
  status: () => home.statusText(),
};
