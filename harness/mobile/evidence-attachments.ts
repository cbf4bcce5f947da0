import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAttachment as addAllureAttachment } from '@wdio/allure-reporter';
import { checkOfTest } from '../check.ts';
import { jwtTimeline } from '../jwt-timeline.ts';
import { jwtTimelinePicture } from '../jwt-timeline-picture.ts';
import { seqsNamedIn } from '../oracles/index.ts';
import type { MobileSession } from './mobile-session.ts';

/**
 * The evidence attached to every mobile test in the Allure report, as on the web: the JWT
 * timeline, the journal (NDJSON), and the device's UI tree (page source and client-state entries).
 * Called from the config's afterTest hook; a failure to gather one piece is attached as text.
 * With `dir`, each piece is also written there (see evidenceDir).
 */
export interface FinishedTest {
  title: string;
  /** The failure's message, when it failed: the picture rings the requests it names. */
  error?: string;
}

export async function attachEvidence(session: MobileSession | null, dir?: string, test?: FinishedTest): Promise<void> {
  if (!session) return;
  if (dir) mkdirSync(dir, { recursive: true });
  // To the Allure report, and (given a dir) as files the conformance run links from its verdicts.
  const addAttachment = async (name: string, content: string, type: string): Promise<void> => {
    await addAllureAttachment(name, content, type);
    if (dir) writeFileSync(join(dir, name), content);
  };
  const records = await session.admin.requests();
  const issued = await session.admin.issuedTokens();
  const marks = await session.admin.marks();
  await addAttachment('jwt-timeline.txt', jwtTimeline(records, issued, marks), 'text/plain');
  const title = test ? `${checkOfTest(test.title)?.id ?? test.title} · ${session.device.platform}` : undefined;
  const picture = jwtTimelinePicture({ records, issued, marks, ...(title ? { title } : {}), highlight: seqsNamedIn(test?.error ? [test.error] : []) });
  await addAttachment('jwt-timeline.svg', picture, 'image/svg+xml');
  await addAttachment('journal.ndjson', records.map((record) => JSON.stringify(record)).join('\n'), 'application/x-ndjson');
  try {
    const source = await session.pageSource();
    await addAttachment('page-source.xml', source, 'application/xml');
    await addAttachment('ui-state.json', JSON.stringify(await session.uiState(), null, 2), 'application/json');
  } catch (error) {
    await addAttachment('page-source-error.txt', `page source unavailable: ${(error as Error).message}`, 'text/plain');
  }
}
