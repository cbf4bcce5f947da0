import { InvalidRequestError } from './validation.ts';

/**
 * Where the next page of `GET /requests` starts: after seq `after`, up to seq `until` (the latest
 * seq when the first page was read, so a paged read is one snapshot however fast records arrive),
 * in journal `generation` (a reset makes a new one and the cursor's records are gone).
 */
export interface PageCursor {
  generation: string;
  after: number;
  until: number;
}

const CURSOR = /^([0-9a-f]{8})-(\d{1,15})-(\d{1,15})$/;

export function encodeCursor(cursor: PageCursor): string {
  return `${cursor.generation}-${cursor.after}-${cursor.until}`;
}

export function decodeCursor(text: string): PageCursor {
  const match = CURSOR.exec(text);
  if (!match) {
    throw new InvalidRequestError('query', [{ field: 'cursor', message: `"${text}" is not a cursor; pass the next_cursor of the previous page unchanged` }]);
  }
  return { generation: match[1]!, after: Number(match[2]), until: Number(match[3]) };
}

/** The journal was reset after the cursor was handed out: its records no longer exist. */
export class StaleCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`cursor "${cursor}" belongs to a journal that has been reset since; its records are gone, so read again from the start (without cursor)`);
  }
}
