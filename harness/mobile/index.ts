/**
 * What the mobile specs and WDIO configs use: one index for the room's public exports (the package's
 * `./mobile`). The WDIO plumbing is loaded by WebdriverIO itself, by path: the service package
 * (MOBILE_HARNESS_SERVICE: launcher and worker service) and the results reporter
 * (MOBILE_RESULTS_REPORTER).
 */
export { MOBILE_HARNESS_SERVICE, MOBILE_RESULTS_REPORTER } from './plugin-paths.ts';
export { MockServerLauncher, MobileHarnessService, type MobileHarnessServiceOptions, type MockLauncherOptions } from './service/index.ts';
export { MobileSession, type ClockStep } from './mobile-session.ts';
export { useMobileSession, currentSession, checkTest } from './mocha-session.ts';
export { expect, installIdentityMatchers } from './expect.ts';
export { SoftVerdicts, VERDICT_SEPARATOR } from './soft-verdicts.ts';
export { loadSelectorMap, toWdioSelector, SIM_SELECTORS, type SelectorMap } from './selectors.ts';
export { parseUiTree, uiStateEntries, visibleTextOf, describeElement, type UiElement } from './ui-tree.ts';
export { deviceInfo, SIM_AUTOMATION_NAME } from './device-info.ts';
export { SIM_DEVICE, profileNameOf, type SimDeviceContract, type SimProfileEntry } from './device-contract.ts';
export { simCapabilities, simCapabilitiesFromEnv, platformsFromEnv, SIM_PLATFORMS } from './capabilities.ts';
export { androidCapabilities, iosCapabilities, MissingToolchainError } from './real-device.ts';
export { MobileResultsReporter } from './results-reporter.ts';
export { readWorkerResults, cellResults, cellName, evidenceDir, type WorkerResults } from './worker-results.ts';
export { gatherEvidence, type EvidencePiece } from './evidence.ts';
export type { MobileApp, MobilePlatform, DeviceInfo } from './subject.ts';
