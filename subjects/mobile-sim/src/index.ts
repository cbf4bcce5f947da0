/**
 * appium-intercom-sim-driver: the `IntercomSim` Appium 3 driver and what a profile author needs.
 * Appium loads `IntercomSimDriver` (the package.json `appium.mainClass`) from the bundled build.
 */
export { IntercomSimDriver, IntercomSimDriver as default } from './driver.ts';
export { BUILT_IN_PROFILES } from './sdk/profiles.ts';
export { validateProfile } from './sdk/profile-loader.ts';
export { ACCESSIBILITY_IDS, APP_ID, AUTOMATION_NAME, DEFAULTS } from './constants.ts';
export type * from './types.ts';
