/**
 * The messenger pipeline as a list of stages: a stage added before the endpoint (as a relay to a
 * real workspace would be) answers in the endpoint's place, after the identity is resolved, and
 * the journal still records the request with that answer; once a stage has answered, a later one
 * runs only when it always runs (as the journal and the response do).
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import cookieParser from 'cookie-parser';
import { routeWeb } from '../../mock-server/messenger/endpoints.ts';
import { messengerPipeline, messengerStages } from '../../mock-server/messenger/pipeline.ts';
import type { Stage } from '../../mock-server/messenger/request-context.ts';
import { createMockState, type MockState } from '../../mock-server/state.ts';
import { webRequest } from '../support/messenger-wire.ts';

let state: MockState;
let base: string;
let close: () => Promise<void>;
const seen: string[] = [];

/** Answers 418 for `/ping` as a relay would, noting who the request was resolved to. */
const relay: Stage = {
  name: 'relay',
  run(context) {
    seen.push(`relay saw ${context.identity.kind === 'lead' ? context.identity.lead_id : context.identity.kind}`);
    if (context.path.endsWith('/ping')) context.answer = { status: 418, body: { relayed: true }, error: 'relayed' };
  },
};
const afterEndpoint: Stage = { name: 'after endpoint', run: () => void seen.push('after endpoint') };
const alwaysAfter: Stage = { name: 'always after', always: true, run: () => void seen.push('always after') };

before(async () => {
  state = await createMockState({}, join(tmpdir(), `stages-spill-${process.pid}.ndjson`));
  const stages = messengerStages(routeWeb);
  const endpoint = stages.findIndex((stage) => stage.name === 'run endpoint');
  stages.splice(endpoint, 0, relay);
  stages.splice(endpoint + 2, 0, afterEndpoint, alwaysAfter);
  const app = express().use(cookieParser()).use('/messenger/web', express.raw({ type: () => true }), messengerPipeline(state, 'web', routeWeb, stages));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
after(async () => {
  await close();
  state.journal.close();
});

describe('messenger stages', () => {
  it('a stage added before the endpoint answers in its place, and the request is journaled with that answer', async () => {
    seen.length = 0;
    const response = await webRequest(base, 'ping', { user_data: { anonymous_id: 'visitor-1' } });
    assert.equal(response.status, 418);
    assert.deepEqual(response.body, { relayed: true });
    assert.deepEqual(seen, ['relay saw visitor-1', 'always after'], 'the endpoint and the stage after it were skipped; the always stage ran');
    const [record] = await state.journal.query({ since: response.seq! - 1 });
    assert.equal(record!.seq, response.seq);
    assert.deepEqual(record!.response, { status: 418, error: 'relayed' });
    assert.deepEqual(record!.identity, { kind: 'lead', lead_id: 'visitor-1', via: 'anonymous_id' });
  });

  it('when the added stage does not answer, the endpoint does; after it only the stages that always run', async () => {
    seen.length = 0;
    const response = await webRequest(base, 'open', { user_data: { anonymous_id: 'visitor-2' } });
    assert.equal(response.status, 200);
    assert.equal(response.body['type'], 'open');
    assert.deepEqual(seen, ['relay saw visitor-2', 'always after']);
  });
});
