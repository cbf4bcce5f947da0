import type { Response } from 'express';

/** Text gathered before each write: few syscalls, bounded memory however long the answer is. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes an answer piece by piece, so its size is bounded by the client's patience rather than by
 * V8's longest string (a million records is ~700 MB of JSON). Waits for `drain` when the socket is
 * full; stops reading, and so releases the journal snapshot, once the client has gone. An error
 * before the first chunk left reaches the error handler as usual; after that the connection is cut,
 * so a client never takes a truncated answer for a complete one.
 */
export async function writeStreamed(res: Response, pieces: AsyncIterable<string>): Promise<void> {
  let buffered: string[] = [];
  let size = 0;
  try {
    for await (const piece of pieces) {
      if (res.destroyed) return;
      buffered.push(piece);
      size += piece.length;
      if (size < CHUNK_CHARS) continue;
      const chunk = buffered.join('');
      buffered = [];
      size = 0;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
    if (!res.destroyed) res.end(buffered.join(''));
  } catch (error) {
    if (!res.headersSent) throw error;
    console.error(`admin: a streamed answer to ${res.req.method} ${res.req.originalUrl} broke off: ${(error as Error).message}`);
    res.destroy(error as Error);
  }
}

function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
