/** Options of the mobile harness service: one object, read by its launcher and its worker side. */
export interface MobileHarnessServiceOptions {
  /** Where the journals' spill files go. Default reports/mobile/mock. */
  spillDir?: string;
  /** Interface the mocks bind to. Default MOCK_HOST, else 127.0.0.1 (a real device may need 0.0.0.0). */
  host?: string;
  /** Makes canaries reproducible. */
  seed?: string;
  /**
   * Where each test's evidence files go (`<resultsDir>/evidence/<cid>/<check>/`), beside the
   * results reporter's JSON. Default MOBILE_RESULTS_DIR, else reports/mobile/results.
   */
  resultsDir?: string;
}

/** @deprecated The launcher's options under their former name; use MobileHarnessServiceOptions. */
export type MockLauncherOptions = MobileHarnessServiceOptions;
