/**
 * The mobile harness as a WebdriverIO service package, in @wdio/appium-service's skeleton: the
 * default export is the worker service (evidence after each test), `launcher` the launcher service
 * (one mock Intercom API per capability). A config names this module by path, so WebdriverIO
 * loads the launcher in the launcher process and the worker service in the workers:
 *
 *   services: [[MOBILE_HARNESS_SERVICE, { spillDir, resultsDir }], 'appium']
 */
import { MockServerLauncher } from './launcher.ts';
import MobileHarnessService from './worker.ts';

export default MobileHarnessService;
export const launcher = MockServerLauncher;
export { MockServerLauncher, MobileHarnessService };
export * from './types.ts';
export * from './constants.ts';
