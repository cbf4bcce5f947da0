import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { AdminApiError } from '../../harness/admin-client.ts';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();

describe('send order (x-conformance-sent)', () => {
  beforeEach(() => mock.admin.reset());

  it('records the sender\'s counter as record.sent, and null without one', async () => {
    await mobileRequest(mock.url, 'users', {}, { headers: { 'x-conformance-sent': '7' } });
    await webRequest(mock.url, 'ping', { user_data: { anonymous_id: 'v1' } });
    const [stamped, unstamped] = await mock.admin.requests();
    assert.equal(stamped?.sent, 7);
    assert.equal(unstamped?.sent, null);
  });

  it('keeps a counter that is not a whole number as null, and still journals the request', async () => {
    for (const value of ['-1', '1.5', 'abc', '1e3']) await mobileRequest(mock.url, 'users', {}, { headers: { 'x-conformance-sent': value } });
    const records = await mock.admin.requests();
    assert.deepEqual(records.map((record) => record.sent), [null, null, null, null]);
  });

  it('a mark stores the sent counter it is given, and none when not given', async () => {
    const withSent = await mock.admin.mark('logout', 12);
    const without = await mock.admin.mark('plain');
    assert.equal(withSent.sent, 12);
    assert.equal('sent' in without, false);
    assert.deepEqual((await mock.admin.marks()).map((mark) => mark.sent), [12, undefined]);
  });

  it('refuses a mark whose sent is not a whole number ≥ 0, naming the field', async () => {
    await assert.rejects(mock.admin.mark('bad', -1), (error: unknown) => error instanceof AdminApiError && error.status === 400 && /sent/.test(error.message));
  });
});
