/** `react-use-intercom@5.8.0`: the SPA on the pinned react-use-intercom 5.8.0. */
import { reactUseIntercomSubject } from './subject.ts';

export default reactUseIntercomSubject('react-use-intercom');
