import { profileModuleName, SIM_DEVICE } from '../harness/mobile/device-contract.ts';
import { loadStepsAppSubject, loadWebSubject } from '../harness/web/subject-loader.ts';
import { MOBILE_PROFILES } from '../specs/mobile/expected-verdicts.ts';
import { timingQualifiers } from './app-timing.ts';
import { SIM_CONFIG } from './mobile-runner.ts';
import type { MobileSelection, WebSelection } from './types.ts';

/**
 * The web subject as expectations name it: `name[+variant][+profile][+jwt-ttl-<s>s][+jwt-refresh-<s>s]@version`,
 * the variant and profile only when they are not the subject's correct (first) ones, the timing
 * only when it is not the default. Loading the subject also checks the variant and profile names
 * before anything runs, and for an app at --web-url its steps file and that the URL answers.
 */
export async function webSubjectId(web: WebSelection): Promise<string> {
  const subject = web.url && web.steps ? await loadStepsAppSubject(web.url, web.steps) : await loadWebSubject(web.subjectModule);
  if (web.variant && !subject.variants.includes(web.variant)) throw new Error(`--web-variant: "${web.variant}" is not a variant of ${subject.name}; it has ${subject.variants.join(', ')}`);
  if (web.profile && !web.profileModule && !subject.profiles.includes(web.profile)) throw new Error(`--web-profile: "${web.profile}" is not a profile of ${subject.name}; it has ${subject.profiles.join(', ')}`);
  const qualifiers = [
    web.variant && web.variant !== subject.variants[0] ? web.variant : null,
    web.profileModule ? profileModuleName(web.profileModule) : web.profile && web.profile !== subject.profiles[0] ? web.profile : null,
    ...timingQualifiers(web.timing),
  ].filter(Boolean);
  return `${[subject.name, ...qualifiers].join('+')}@${subject.version ?? 'unversioned'}`;
}

/**
 * The mobile subject: the simulated device as `intercom-sim[+profile][+jwt-ttl-<s>s][+jwt-refresh-<s>s]@<driver version>`, a real
 * app as given by --mobile-subject (`app@unversioned` when not given).
 */
export function mobileSubjectId(mobile: MobileSelection): string {
  if (mobile.profile && !mobile.profileModule && !(MOBILE_PROFILES as readonly string[]).includes(mobile.profile)) {
    throw new Error(`--mobile-profile: "${mobile.profile}" is not a profile of the simulated SDK; it has ${MOBILE_PROFILES.join(', ')}`);
  }
  if (mobile.subjectId) return mobile.subjectId;
  if (mobile.config !== SIM_CONFIG) return 'app@unversioned';
  const profile = mobile.profileModule ? profileModuleName(mobile.profileModule) : mobile.profile && mobile.profile !== SIM_DEVICE.defaultProfile ? mobile.profile : null;
  const qualifiers = [profile, ...timingQualifiers(mobile.timing)].filter(Boolean);
  return `${[SIM_DEVICE.driverName, ...qualifiers].join('+')}@${SIM_DEVICE.version}`;
}
