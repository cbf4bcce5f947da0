import { CODE_EXT, CODE_ROOT } from '../code-root.ts';
import { join } from 'node:path';

/**
 * The files WebdriverIO loads the mobile harness's plugins from, by path, as it loads a service
 * or reporter package: the service module in the launcher (its `launcher`) and in each worker (its
 * default), the reporter in each worker only. A config that names them so loads none of the
 * worker's code in the launcher. TypeScript in the repository, the compiled modules when installed.
 */
export const MOBILE_HARNESS_SERVICE = join(CODE_ROOT, 'harness', 'mobile', 'service', `index${CODE_EXT}`);
export const MOBILE_RESULTS_REPORTER = join(CODE_ROOT, 'harness', 'mobile', `results-reporter${CODE_EXT}`);
