/** What the mobile specs and WDIO configs use: one index for the room's public exports. */
export { MockServerLauncher, type MockLauncherOptions } from './mock-launcher.ts';
export { MobileSession, type ClockStep } from './mobile-session.ts';
export { useMobileSession, currentSession, checkTest } from './mocha-session.ts';
export { expect, installIdentityMatchers } from './expect.ts';
export { SoftVerdicts, VERDICT_SEPARATOR } from './soft-verdicts.ts';
export { loadSelectorMap, toWdioSelector, SIM_SELECTORS, type SelectorMap } from './selectors.ts';
export { parseUiTree, uiStateEntries, visibleTextOf, describeElement, type UiElement } from './ui-tree.ts';
export { deviceInfo, SIM_AUTOMATION_NAME } from './device-info.ts';
export { simCapabilities, simCapabilitiesFromEnv, platformsFromEnv, SIM_PLATFORMS } from './capabilities.ts';
export { androidCapabilities, iosCapabilities, MissingToolchainError } from './real-device.ts';
export { MobileResultsReporter, readWorkerResults, cellResults, cellName, evidenceDir, type WorkerResults } from './results-reporter.ts';
export { attachEvidence } from './evidence-attachments.ts';
export type { MobileApp, MobilePlatform, DeviceInfo } from './subject.ts';
