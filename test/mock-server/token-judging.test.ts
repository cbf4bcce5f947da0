import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { JournalRecord } from '../../mock-server/types.ts';
import { useMock } from '../support/mock-fixture.ts';
import { ANDROID_UA, mobileRequest } from '../support/messenger-wire.ts';
import { flipPaddingBit, handMadeJwt } from './hand-made-tokens.ts';

const mock = useMock();

async function lastRecord(): Promise<JournalRecord> {
  const records = await mock.admin.requests();
  assert.ok(records.length > 0, 'nothing was journaled');
  return records.at(-1)!;
}

async function postWebForm(form: string): Promise<number> {
  const response = await fetch(`${mock.url}/messenger/web/ping`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  return response.status;
}

describe('every token a request carries is judged', () => {
  beforeEach(() => mock.admin.reset());

  it('a valid body token beside a bad Authorization token: the bad one decides, both are recorded', async () => {
    const good = await mock.admin.token('alice');
    const bad = await mock.admin.token('alice', { secret: 'wrong' });
    const response = await mobileRequest(mock.url, 'users', { intercom_user_jwt: good.token }, { headers: { authorization: `Bearer ${bad.token}` } });
    assert.equal(response.status, 401);
    const record = await lastRecord();
    assert.equal(record.jwt?.status, 'bad_signature');
    assert.equal(record.jwt?.location, 'header.authorization');
    assert.deepEqual(
      record.jwts?.map((jwt) => [jwt.location, jwt.status, jwt.fingerprint]),
      [
        ['body.intercom_user_jwt', 'valid', good.fingerprint],
        ['header.authorization', 'bad_signature', bad.fingerprint],
      ],
    );
  });

  it('a user named only by the token that did not decide is still a trace of that user', async () => {
    const carol = await mock.admin.token('carol');
    const bad = await mock.admin.token('alice', { secret: 'wrong' });
    await mobileRequest(mock.url, 'users', { intercom_user_jwt: carol.token }, { headers: { authorization: `Bearer ${bad.token}` } });
    const traces = await mock.admin.requests({ user_id: 'carol' });
    assert.equal(traces.length, 1);
    assert.equal(traces[0]?.jwt?.claims?.['user_id'], 'alice');
  });

  it('one valid token still resolves the user, and jwts lists it alone', async () => {
    const good = await mock.admin.token('alice');
    await mobileRequest(mock.url, 'users', { intercom_user_jwt: good.token });
    const record = await lastRecord();
    assert.equal(record.jwt?.status, 'valid');
    assert.deepEqual(record.jwts?.map((jwt) => jwt.status), ['valid']);
    assert.equal(record.identity.user_id, 'alice');
  });

  for (const order of ['good first', 'bad first'] as const) {
    it(`a duplicated intercom_user_jwt form field (${order}) judges both values`, async () => {
      const good = (await mock.admin.token('alice')).token;
      const bad = (await mock.admin.token('alice', { secret: 'wrong' })).token;
      const [first, second] = order === 'good first' ? [good, bad] : [bad, good];
      const status = await postWebForm(`app_id=mockapp1&intercom_user_jwt=${first}&intercom_user_jwt=${second}`);
      assert.equal(status, 403);
      const record = await lastRecord();
      assert.equal(record.jwt?.status, 'bad_signature');
      assert.deepEqual(record.jwts?.map((jwt) => jwt.location), ['body.intercom_user_jwt[0]', 'body.intercom_user_jwt[1]']);
    });
  }

  it('a duplicated user_data that claims another user than the token is not silently dropped', async () => {
    const { token } = await mock.admin.token('alice');
    const userData = encodeURIComponent(JSON.stringify({ user_id: 'bob', intercom_user_jwt: token }));
    const status = await postWebForm(`app_id=mockapp1&user_data=${userData}&user_data=${userData}`);
    assert.equal(status, 403);
    const record = await lastRecord();
    assert.equal(record.jwt?.status, 'user_mismatch');
    assert.equal(record.user_data?.user_id, 'bob');
  });

  it('user_data given twice with different contents is a 400, journaled with the tokens judged', async () => {
    const { token } = await mock.admin.token('alice');
    const alice = encodeURIComponent(JSON.stringify({ user_id: 'alice', intercom_user_jwt: token }));
    const bob = encodeURIComponent(JSON.stringify({ user_id: 'bob' }));
    const status = await postWebForm(`app_id=mockapp1&user_data=${alice}&user_data=${bob}`);
    assert.equal(status, 400);
    const record = await lastRecord();
    assert.match(record.response.error ?? '', /user_data.*2 times/);
    assert.equal(record.jwt?.status, 'valid');
  });

  for (const [label, contentType] of [
    ['no content type', null],
    ['text/html', 'text/html'],
    ['a form content type', 'application/x-www-form-urlencoded'],
  ] as const) {
    it(`a JSON body sent with ${label} is read as JSON, its token judged`, async () => {
      const { token } = await mock.admin.token('alice');
      const body = new TextEncoder().encode(JSON.stringify({ app_id: 'mockapp1', intercom_user_jwt: token }));
      const response = await fetch(`${mock.url}/messenger/mobile/users`, {
        method: 'POST',
        headers: { 'user-agent': ANDROID_UA, ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });
      assert.equal(response.status, 200);
      const record = await lastRecord();
      assert.equal(record.jwt?.status, 'valid');
      assert.deepEqual(record.identity, { kind: 'user', user_id: 'alice', via: 'jwt' });
    });
  }

  it('a malformed JSON body is answered 400 and journaled, the header token still judged', async () => {
    const bad = await mock.admin.token('alice', { secret: 'wrong' });
    const response = await fetch(`${mock.url}/messenger/mobile/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bad.token}` },
      body: '{"app_id": "mockapp1",',
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /not valid JSON/);
    const record = await lastRecord();
    assert.equal(record.response.status, 400);
    assert.equal(record.jwt?.status, 'bad_signature');
    assert.equal(record.jwt?.location, 'header.authorization');
  });
});

describe('non-canonical tokens are not valid', () => {
  beforeEach(() => mock.admin.reset());

  async function verdictOf(token: string): Promise<JournalRecord['jwt']> {
    await mobileRequest(mock.url, 'users', { intercom_user_jwt: token });
    return (await lastRecord()).jwt;
  }

  it('control: the hand-made token is valid as made', async () => {
    assert.equal((await verdictOf(handMadeJwt({ alg: 'HS256', typ: 'JWT' }, { user_id: 'alice' })))?.status, 'valid');
  });

  it('a flipped padding bit in the signature’s last character', async () => {
    const { token } = await mock.admin.token('alice');
    const jwt = await verdictOf(flipPaddingBit(token));
    assert.equal(jwt?.status, 'malformed');
    assert.match(jwt?.reason ?? '', /signature is not canonical base64url/);
  });

  it('trailing whitespace', async () => {
    const { token } = await mock.admin.token('alice');
    const jwt = await verdictOf(`${token} `);
    assert.equal(jwt?.status, 'malformed');
    assert.match(jwt?.reason ?? '', /whitespace/);
  });

  it('a b64 header (RFC 7797 unencoded payload)', async () => {
    const jwt = await verdictOf(handMadeJwt({ alg: 'HS256', b64: false }, { user_id: 'alice' }));
    assert.equal(jwt?.status, 'malformed');
    assert.match(jwt?.reason ?? '', /b64/);
  });

  it('a crit header, even one listing b64: true', async () => {
    const jwt = await verdictOf(handMadeJwt({ alg: 'HS256', b64: true, crit: ['b64'] }, { user_id: 'alice' }));
    assert.equal(jwt?.status, 'malformed');
    assert.match(jwt?.reason ?? '', /crit/);
  });
});
