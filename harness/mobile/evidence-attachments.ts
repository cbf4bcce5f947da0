import { addAttachment } from '@wdio/allure-reporter';
import { jwtTimeline } from '../jwt-timeline.ts';
import type { MobileSession } from './mobile-session.ts';

/**
 * The evidence attached to every mobile test in the Allure report, as on the web: the JWT
 * timeline, the journal (NDJSON), and the device's UI tree (page source and client-state entries).
 * Called from the config's afterTest hook; a failure to gather one piece is attached as text.
 */
export async function attachEvidence(session: MobileSession | null): Promise<void> {
  if (!session) return;
  const records = await session.admin.requests();
  const issued = await session.admin.issuedTokens();
  await addAttachment('jwt-timeline.txt', jwtTimeline(records, issued), 'text/plain');
  await addAttachment('journal.ndjson', records.map((record) => JSON.stringify(record)).join('\n'), 'application/x-ndjson');
  try {
    const source = await session.pageSource();
    await addAttachment('page-source.xml', source, 'application/xml');
    await addAttachment('ui-state.json', JSON.stringify(await session.uiState(), null, 2), 'application/json');
  } catch (error) {
    await addAttachment('page-source-error.txt', `page source unavailable: ${(error as Error).message}`, 'text/plain');
  }
}
