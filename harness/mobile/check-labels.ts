import { addAllureId, addArgument, addDescription, addEpic, addFeature, addLabel, addStory } from '@wdio/allure-reporter';
import type { Check } from '../check.ts';
import type { DeviceInfo } from './subject.ts';

/** Labels the running test with its check in the Allure report, as the web fixtures do. */
export async function labelCheck(check: Check, device: DeviceInfo): Promise<void> {
  await addAllureId(check.id);
  addLabel('check', check.id);
  await addEpic('Identity conformance');
  await addFeature('mobile');
  await addStory(`${check.id}: ${check.title}`);
  await addDescription(`${check.statement}\n\nSource: ${check.source}\n\nEvidence: ${check.evidence.join(', ')}`, 'text');
  await addArgument('platform', device.platform);
  await addArgument('automation', device.automationName);
  await addArgument('profile', device.profile);
}
