/** Defaults of the mobile harness service (launcher and worker alike). */

/** Where a run's outputs go when the config names no other place (under the working directory). */
export const DEFAULT_REPORTS_DIR = 'reports/mobile';

/** Where the mocks' journal spill files go. */
export const DEFAULT_SPILL_DIR = `${DEFAULT_REPORTS_DIR}/mock`;

/** Where the results reporter writes one JSON per worker, and the service each test's evidence files. */
export const DEFAULT_RESULTS_DIR = `${DEFAULT_REPORTS_DIR}/results`;

/** The interface the mocks bind to unless MOCK_HOST or the options say otherwise: loopback only. */
export const DEFAULT_MOCK_HOST = '127.0.0.1';

/** The capability the launcher sets on each capability: the URL of that capability's mock. */
export const MOCK_URL_CAPABILITY = 'appium:mockServerUrl';
