import { jwtTimeline } from '../jwt-timeline.ts';
import { jwtTimelinePicture } from '../jwt-timeline-picture.ts';
import { seqsNamedIn } from '../oracles/index.ts';
import type { MobileSession } from './mobile-session.ts';

/** One piece of a test's evidence: a file name, its content and its media type. */
export interface EvidencePiece {
  name: string;
  content: string;
  type: string;
}

/** The test the evidence is for: its check, and the failure's message when it failed (the picture rings the requests it names). */
export interface FinishedTest {
  check: string;
  error?: string;
}

/**
 * The evidence of a mobile test, as on the web: the JWT timeline (text and picture), the journal
 * (NDJSON), and the device's UI tree (page source and client-state entries). Runner-neutral: the
 * WDIO service attaches the pieces to Allure and writes them as files. A UI tree that cannot be
 * read is evidence too (page-source-error.txt).
 */
export async function gatherEvidence(session: MobileSession, test?: FinishedTest): Promise<EvidencePiece[]> {
  const records = await session.admin.requests();
  const issued = await session.admin.issuedTokens();
  const marks = await session.admin.marks();
  const title = test ? `${test.check} · ${session.device.platform}` : undefined;
  const picture = jwtTimelinePicture({ records, issued, marks, ...(title ? { title } : {}), highlight: seqsNamedIn(test?.error ? [test.error] : []) });
  const pieces: EvidencePiece[] = [
    { name: 'jwt-timeline.txt', content: jwtTimeline(records, issued, marks), type: 'text/plain' },
    { name: 'jwt-timeline.svg', content: picture, type: 'image/svg+xml' },
    { name: 'journal.ndjson', content: records.map((record) => JSON.stringify(record)).join('\n'), type: 'application/x-ndjson' },
  ];
  try {
    const source = await session.pageSource();
    pieces.push({ name: 'page-source.xml', content: source, type: 'application/xml' });
    pieces.push({ name: 'ui-state.json', content: JSON.stringify(await session.uiState(), null, 2), type: 'application/json' });
  } catch (error) {
    pieces.push({ name: 'page-source-error.txt', content: `page source unavailable: ${(error as Error).message}`, type: 'text/plain' });
  }
  return pieces;
}
