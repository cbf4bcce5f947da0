import express, { Router } from 'express';
import { MAX_CLOCK_OFFSET_S } from '../clock.ts';
import { MarkExistsError } from '../journal/journal.ts';
import { serializeRecord } from '../journal/safe-json.ts';
import type { TokenRequest } from '../identity/token-issuer.ts';
import { issueToken, resetState, type MockState } from '../state.ts';
import type { RecordFilter } from '../types.ts';
import type { User } from '../workspace.ts';
import { HAR_CREATOR, harEntry } from './export-formats.ts';
import { decodeCursor, encodeCursor, StaleCursorError } from './page-cursor.ts';
import {
  clockBody,
  createUserBody,
  exportQuery,
  faultBody,
  issuedTokensQuery,
  issueTokenBody,
  markBody,
  requestsQuery,
  resetBody,
  waitBody,
} from './schemas.ts';
import { writeStreamed } from './streamed-response.ts';
import { emptyToUndefined, InvalidRequestError, parseOrThrow } from './validation.ts';

/** The admin API (docs/architecture.md, "Admin API contract"), mounted under `/__admin`. JSON in, JSON out. */
export function adminRouter(state: MockState, baseUrl: () => string): Router {
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_req, res) => {
    const stats = state.journal.stats();
    res.json({
      ok: true,
      app_id: state.policy.appId,
      users: state.workspace.listUsers().map((user) => user.user_id),
      identity_verification: state.policy.enforceIdentityVerification,
      clock_offset_s: state.clock.offsetS,
      journal: {
        total: stats.total,
        in_memory: stats.inMemory,
        spilled: stats.spilled,
        cap: stats.cap,
        spill_file: stats.spillFile,
        spill_error: stats.spillError,
      },
      sessions: state.sessions.stats(),
      leads: state.workspace.leadStats(),
    });
  });

  router.post('/reset', (req, res) => {
    const body = parseOrThrow(resetBody, emptyToUndefined(req.body), 'body');
    resetState(state, body?.all ?? false);
    res.json({ ok: true, users: state.workspace.listUsers().map((user) => user.user_id) });
  });

  router.get('/users', (_req, res) => {
    res.json({ users: state.workspace.listUsers().map(userView) });
  });

  router.get('/users/:user_id', (req, res) => {
    const user = state.workspace.getUser(String(req.params['user_id']));
    if (!user) {
      res.status(404).json({ error: `no user "${req.params['user_id']}" in this workspace` });
      return;
    }
    res.json(userView(user));
  });

  router.post('/users', (req, res) => {
    const body = parseOrThrow(createUserBody, req.body, 'body');
    if (state.workspace.getUser(body.user_id)) {
      res.status(409).json({ error: `user "${body.user_id}" already exists`, field: 'user_id' });
      return;
    }
    res.status(201).json(userView(state.workspace.addUser(body)));
  });

  router.post('/tokens', async (req, res) => {
    const body = parseOrThrow(issueTokenBody, req.body, 'body');
    res.json(await issueToken(state, body as TokenRequest, 'admin'));
  });

  router.get('/tokens', (req, res) => {
    const { user_id } = parseOrThrow(issuedTokensQuery, req.query, 'query');
    res.json({ tokens: state.issuedTokens.filter((entry) => user_id === undefined || entry.user_id === user_id) });
  });

  router.get('/marks', (_req, res) => {
    res.json({ marks: state.journal.listMarks() });
  });

  router.post('/marks', (req, res) => {
    const { label, sent } = parseOrThrow(markBody, req.body, 'body');
    try {
      res.status(201).json(state.journal.addMark(label, new Date(state.clock.nowMs()).toISOString(), sent));
    } catch (error) {
      if (!(error instanceof MarkExistsError)) throw error;
      res.status(409).json({ error: error.message, field: 'label' });
    }
  });

  router.get('/requests', async (req, res) => {
    const { cursor, ...fields } = parseOrThrow(requestsQuery, req.query, 'query');
    const filter = toFilter(state, fields, 'query');
    if (cursor !== undefined) {
      if (fields.since !== undefined || fields.until !== undefined) {
        throw new InvalidRequestError('query', [{ field: 'cursor', message: 'a cursor already says where the page starts and ends; send it without since or until' }]);
      }
      const position = decodeCursor(cursor);
      if (position.generation !== state.journal.generation) {
        res.status(409).json({ error: new StaleCursorError(cursor).message, field: 'cursor' });
        return;
      }
      filter.since = position.after;
      filter.until = position.until;
    }
    // One record beyond the page tells whether another page follows.
    const pageSize = filter.limit;
    const read = state.journal.read(pageSize === undefined ? filter : { ...filter, limit: pageSize + 1 });
    res.type('application/json');
    await writeStreamed(res, (async function* () {
      try {
        yield '{"requests":[';
        let count = 0;
        let last = filter.since ?? 0;
        let more = false;
        for await (const record of read.records) {
          if (count === pageSize) {
            more = true;
            break;
          }
          yield (count ? ',' : '') + serializeRecord(record);
          count++;
          last = record.seq;
        }
        yield more ? `],"next_cursor":"${encodeCursor({ generation: read.generation, after: last, until: read.until })}"}` : ']}';
      } finally {
        read.release();
      }
    })());
  });

  router.post('/requests/wait', async (req, res) => {
    const body = parseOrThrow(waitBody, req.body ?? {}, 'body');
    const filter = toFilter(state, body, 'body');
    const disconnected = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) disconnected.abort();
    });
    const result = await state.journal.wait(filter, body.count, body.timeout_ms, disconnected.signal);
    if (disconnected.signal.aborted) return;
    const head = result.satisfied
      ? '{"requests":['
      : `{"error":${JSON.stringify(`timed out after ${body.timeout_ms} ms with ${result.requests.length} of ${body.count} matching requests`)},"requests":[`;
    res.status(result.satisfied ? 200 : 408).type('application/json');
    await writeStreamed(res, (async function* () {
      yield head;
      for (let index = 0; index < result.requests.length; index++) yield (index ? ',' : '') + serializeRecord(result.requests[index]);
      yield ']}';
    })());
  });

  router.get('/requests/export', async (req, res) => {
    const { format } = parseOrThrow(exportQuery, req.query, 'query');
    const read = state.journal.read({});
    const base = baseUrl();
    res.type(format === 'ndjson' ? 'application/x-ndjson' : 'application/json');
    await writeStreamed(res, (async function* () {
      try {
        if (format === 'ndjson') {
          for await (const record of read.records) yield serializeRecord(record) + '\n';
          return;
        }
        yield `{"log":{"version":"1.2","creator":${JSON.stringify(HAR_CREATOR)},"entries":[`;
        let first = true;
        for await (const record of read.records) {
          yield (first ? '' : ',') + serializeRecord(harEntry(record, base));
          first = false;
        }
        yield ']}}';
      } finally {
        read.release();
      }
    })());
  });

  router.get('/clock', (_req, res) => {
    res.json(clockView(state));
  });

  router.post('/clock', (req, res) => {
    const body = parseOrThrow(clockBody, req.body, 'body');
    if (body.advance_s !== undefined && !state.clock.canAdvance(body.advance_s)) {
      throw new InvalidRequestError('body', [
        { field: 'advance_s', message: `would move the clock offset from ${state.clock.offsetS} s to beyond ±${MAX_CLOCK_OFFSET_S} s (±100 years)` },
      ]);
    }
    if (body.hold_at_ms !== undefined && !state.clock.canHoldAt(body.hold_at_ms)) {
      throw new InvalidRequestError('body', [{ field: 'hold_at_ms', message: `${body.hold_at_ms} is more than ±${MAX_CLOCK_OFFSET_S} s (±100 years) from wall time` }]);
    }
    if (body.offset_s !== undefined) state.clock.setOffset(body.offset_s);
    if (body.advance_s !== undefined) state.clock.advance(body.advance_s);
    if (body.hold_at_ms !== undefined) state.clock.holdAt(body.hold_at_ms);
    res.json(clockView(state));
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: state.faults.list() });
  });

  router.post('/faults', (req, res) => {
    res.status(201).json(state.faults.add(parseOrThrow(faultBody, req.body, 'body')));
  });

  router.delete('/faults', (_req, res) => {
    state.faults.clear();
    res.json({ ok: true });
  });

  router.delete('/faults/:id', (req, res) => {
    const removed = state.faults.remove(String(req.params['id']));
    res.status(removed ? 200 : 404).json(removed ? { ok: true } : { error: `no fault "${req.params['id']}"` });
  });

  return router;
}

function toFilter(
  state: MockState,
  fields: Omit<RecordFilter, 'since' | 'jwt_status'> & { since?: number | string | undefined; jwt_status?: string[] | undefined },
  where: 'body' | 'query',
): RecordFilter {
  const { since, jwt_status, ...rest } = fields;
  const filter: RecordFilter = { ...(rest as RecordFilter) };
  for (const key of Object.keys(filter) as (keyof RecordFilter)[]) if (filter[key] === undefined) delete filter[key];
  if (jwt_status) filter.jwt_status = jwt_status as RecordFilter['jwt_status'];
  if (typeof since === 'number') filter.since = since;
  if (typeof since === 'string') {
    const mark = state.journal.getMark(since);
    if (!mark) {
      const known = state.journal.listMarks().map((m) => m.label);
      throw new InvalidRequestError(where, [
        { field: 'since', message: `unknown mark label "${since}"${known.length ? ` (known: ${known.join(', ')})` : ' (no marks yet)'}` },
      ]);
    }
    filter.since = mark.seq;
  }
  return filter;
}

function userView(user: User): Record<string, unknown> {
  return { user_id: user.user_id, email: user.email, name: user.name, canaries: user.canaries, seeded: user.seeded };
}

function clockView(state: MockState): Record<string, unknown> {
  return { offset_s: state.clock.offsetS, held: state.clock.held, now: new Date(state.clock.nowMs()).toISOString(), now_ms: state.clock.nowMs(), now_s: state.clock.nowS() };
}
