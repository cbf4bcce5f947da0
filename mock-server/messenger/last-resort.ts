import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { MAX_HEADER_BYTES, MAX_PARSED_HEADER_BYTES } from '../constants.ts';
import type { MockState } from '../state.ts';
import type { JwtEvidence } from '../types.ts';
import type { Surface } from './request-context.ts';
import { JOURNALED } from './stages/journal-request.ts';
import { JUDGED, judgeJwts } from './stages/judge-tokens.ts';
import { deliveryOf } from './delivery.ts';
import { decisiveJwt } from './verdict-rank.ts';

/**
 * The messenger routes' last word: a request that failed anywhere (a body too large to read, a
 * bug) is still journaled, with its tokens judged where that is possible, and answered with a
 * JSON `error.list`, never express's HTML stack trace.
 */
export function messengerErrorHandler(state: MockState, surface: Surface): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    void answerFailure(state, surface, error, req, res).catch((failure: unknown) => {
      console.error('mock: could not answer a failed messenger request', failure);
      if (!res.headersSent) res.status(500).json({ type: 'error.list', errors: [{ code: 'server_error', message: 'internal error' }] });
    });
  };
}

async function answerFailure(state: MockState, surface: Surface, error: unknown, req: Request, res: Response): Promise<void> {
  const clientStatus = statusOf(error);
  const status = clientStatus ?? 500;
  const message = clientStatus ? `request could not be read: ${messageOf(error)}` : `internal error: ${messageOf(error)}`;
  if (!clientStatus) console.error(error);
  let seq: number | null = null;
  if (!res.locals[JOURNALED] && state.policy.journal) {
    res.locals[JOURNALED] = true;
    const jwts = (res.locals[JUDGED] as JwtEvidence[] | undefined) ?? (await judgeWithoutBody(state, req));
    const record = state.journal.append({
      time: safeTime(state),
      ns: req.get('x-mock-ns') ?? 'default',
      method: req.method,
      path: req.baseUrl + req.path,
      platform: surface === 'web' ? 'web' : 'other',
      app_id: null,
      device_id: null,
      user_agent: req.get('user-agent') ?? null,
      ...deliveryOf(req),
      user_data: null,
      jwt: decisiveJwt(jwts),
      jwts,
      session: null,
      identity: { kind: 'none' },
      served: { user_ids: [] },
      response: { status, error: message },
    });
    seq = record.seq;
  }
  if (res.headersSent) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  if (seq !== null) res.set('x-mock-seq', String(seq));
  res.status(status).json({ type: 'error.list', errors: [{ code: clientStatus ? 'parameter_invalid' : 'server_error', message }] });
}

/** The body could not be read, but headers, query and cookies still carry tokens worth judging. */
async function judgeWithoutBody(state: MockState, req: Request): Promise<JwtEvidence[]> {
  try {
    return await judgeJwts(state, { body: {}, userData: [], headers: req.headersDistinct, cookies: (req.cookies as Record<string, string>) ?? {}, query: req.query as Record<string, unknown> }, null);
  } catch {
    return [];
  }
}

/** The mock clock's time, or the machine's when the mock clock is what failed. */
function safeTime(state: MockState): string {
  try {
    return new Date(state.clock.nowMs()).toISOString();
  } catch {
    return new Date().toISOString();
  }
}

/** A 4xx that body parsing (or express) attached to the error; anything else is the mock's fault. */
function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Refuses a messenger request with more than MAX_HEADER_BYTES of headers: a journaled 431, its header tokens judged. */
export const headerSizeLimit: RequestHandler = (req, _res, next) => {
  let bytes = 0;
  for (const item of req.rawHeaders) bytes += item.length + 2;
  if (bytes <= MAX_HEADER_BYTES) {
    next();
    return;
  }
  next(Object.assign(new Error(`its headers are ${bytes} bytes, more than the ${MAX_HEADER_BYTES} a messenger request may carry`), { status: 431 }));
};

/**
 * Journals a request Node refused before express saw it (headers beyond MAX_PARSED_HEADER_BYTES)
 * and says so to the client; Node has dropped the request line by then, so the record has no path.
 */
export function refuseUnparsedRequest(state: MockState, socket: { writable: boolean; end(data: string): void }): void {
  const error = `request refused before it was read: headers beyond ${MAX_PARSED_HEADER_BYTES} bytes`;
  let seq: number | null = null;
  if (state.policy.journal) {
    seq = state.journal.append({
      time: safeTime(state),
      ns: 'default',
      method: 'UNKNOWN',
      path: '(unread)',
      platform: 'other',
      app_id: null,
      device_id: null,
      user_agent: null,
      sent: null,
      host: null,
      user_data: null,
      jwt: null,
      jwts: [],
      session: null,
      identity: { kind: 'none' },
      served: { user_ids: [] },
      response: { status: 431, error },
    }).seq;
  }
  if (!socket.writable) return;
  const body = JSON.stringify({ type: 'error.list', errors: [{ code: 'parameter_invalid', message: error }] });
  socket.end(
    'HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n${seq !== null ? `x-mock-seq: ${seq}\r\n` : ''}connection: close\r\n\r\n${body}`,
  );
}
