import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { useMock } from '../support/mock-fixture.ts';
import { IOS_UA, mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();

describe('served.user_ids is true provenance: whose data the response carried', () => {
  beforeEach(() => mock.admin.reset());

  it('alice\'s conversations carry alice\'s canaries and are attributed to alice only', async () => {
    const alice = await mock.admin.user('alice');
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'conversations', { user_data: { intercom_user_jwt: token } });
    const text = JSON.stringify(response.body);
    for (const canary of alice.canaries.slice(1)) assert.ok(text.includes(canary), `conversation canary ${canary} served`);
    const [record] = await mock.admin.requests({ since: response.seq! - 1 });
    assert.deepEqual(record?.served.user_ids, ['alice']);
  });

  it('bob never receives alice\'s data', async () => {
    const alice = await mock.admin.user('alice');
    const { token } = await mock.admin.token('bob');
    const response = await webRequest(mock.url, 'open', { user_data: { intercom_user_jwt: token } });
    const text = JSON.stringify(response.body);
    for (const canary of alice.canaries) assert.ok(!text.includes(canary));
    const [record] = await mock.admin.requests({ since: response.seq! - 1 });
    assert.deepEqual(record?.served.user_ids, ['bob']);
  });

  it('a refused request served nobody', async () => {
    const response = await webRequest(mock.url, 'conversations', { user_data: { user_id: 'alice' } });
    const [record] = await mock.admin.requests({ since: response.seq! - 1 });
    assert.deepEqual(record?.served.user_ids, []);
  });

  it('an acknowledgement that carries no user data serves nobody even when identified', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'events', { user_data: { intercom_user_jwt: token }, event_name: 'viewed' });
    const [record] = await mock.admin.requests({ since: response.seq! - 1 });
    assert.equal(record?.identity.user_id, 'alice');
    assert.deepEqual(record?.served.user_ids, []);
  });

  it('a sent message lands in the sender\'s own conversation and nobody else can read it', async () => {
    const { token } = await mock.admin.token('bob');
    const sent = await mobileRequest(mock.url, 'messages', { intercom_user_jwt: token, body: 'bob secret 42' }, { userAgent: IOS_UA });
    assert.equal(sent.status, 201);
    const conversationId = (sent.body as { conversation: { id: string } }).conversation.id;
    const { token: aliceToken } = await mock.admin.token('alice');
    const peek = await mobileRequest(mock.url, `conversations/${conversationId}`, { intercom_user_jwt: aliceToken });
    assert.equal(peek.status, 404);
    const reply = await mobileRequest(mock.url, `conversations/${conversationId}/reply`, { intercom_user_jwt: token, body: 'and more' }, { userAgent: IOS_UA });
    assert.equal(reply.status, 200);
    const [record] = await mock.admin.requests({ since: reply.seq! - 1 });
    assert.equal(record?.platform, 'ios');
    assert.deepEqual(record?.served.user_ids, ['bob']);
  });
});
