/**
 * `react-use-intercom@1.5.2`: the same SPA on react-use-intercom 1.5.2 (npm alias
 * react-use-intercom-1.5.2), whose shutdown leaves `window.intercomSettings` behind (fixed in 2.0.0,
 * https://github.com/devrnt/react-use-intercom/pull/481).
 */
import { reactUseIntercomSubject } from './subject.ts';

export default reactUseIntercomSubject('react-use-intercom-1.5.2');
