import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { extractJwt, looksLikeJwt, type RequestParts } from '../../mock-server/identity/jwt-extractor.ts';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();
const SAMPLE = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiYWxpY2UifQ.c2lnbmF0dXJl';

function parts(overrides: Partial<RequestParts>): RequestParts {
  return { body: {}, userData: [], headers: {}, cookies: {}, query: {}, ...overrides };
}

describe('JWT extractor (unit)', () => {
  it('recognises a JWT by its shape and JSON header, not by any dotted string', () => {
    assert.equal(looksLikeJwt(SAMPLE), true);
    assert.equal(looksLikeJwt('abcd.efgh.ijkl'), false);
    assert.equal(looksLikeJwt('www.example.com'), false);
  });

  const cases: [string, Partial<RequestParts>][] = [
    ['body.intercom_user_jwt', { body: { intercom_user_jwt: SAMPLE } }],
    ['body.user_data.intercom_user_jwt', { userData: [{ intercom_user_jwt: SAMPLE }] }],
    ['body.user.intercom_user_jwt', { body: { user: { intercom_user_jwt: SAMPLE } } }],
    ['query.intercom_user_jwt', { query: { intercom_user_jwt: SAMPLE } }],
    ['header.x-intercom-user-jwt', { headers: { 'x-intercom-user-jwt': SAMPLE } }],
    ['header.authorization', { headers: { authorization: `Bearer ${SAMPLE}` } }],
    ['header.x-custom-token', { headers: { 'x-custom-token': SAMPLE } }],
    ['query.token', { query: { token: SAMPLE } }],
    ['cookie.jwt', { cookies: { jwt: SAMPLE } }],
    ['body.meta.auth', { body: { meta: { auth: SAMPLE } } }],
    ['body.payload.nested', { body: { payload: JSON.stringify({ nested: SAMPLE }) } }],
  ];
  for (const [location, input] of cases) {
    it(`finds a token at ${location}`, () => {
      assert.deepEqual(extractJwt(parts(input)), { token: SAMPLE, location });
    });
  }

  it('a named field counts even when its value is not JWT-shaped, so it is judged malformed', () => {
    assert.deepEqual(extractJwt(parts({ body: { intercom_user_jwt: 'garbage' } })), { token: 'garbage', location: 'body.intercom_user_jwt' });
  });

  it('a named field wins over a bearer header', () => {
    const found = extractJwt(parts({ userData: [{ intercom_user_jwt: SAMPLE }], headers: { authorization: 'Bearer other.other.other' } }));
    assert.equal(found?.location, 'body.user_data.intercom_user_jwt');
  });

  it('finds nothing in a request without a token', () => {
    assert.equal(extractJwt(parts({ body: { app_id: 'x', v: '3' }, headers: { 'user-agent': 'a.b.c' } })), null);
  });
});

describe('JWT extractor (over HTTP, recorded location)', () => {
  beforeEach(() => mock.admin.reset());

  async function locationOf(response: { seq: number | null }) {
    const [record] = await mock.admin.requests({ since: response.seq! - 1, limit: 1 });
    return { location: record?.jwt?.location, status: record?.jwt?.status };
  }

  it('web form: JSON inside the user_data field', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'ping', { user_data: { intercom_user_jwt: token } });
    assert.deepEqual(await locationOf(response), { location: 'body.user_data.intercom_user_jwt', status: 'valid' });
  });

  it('web form: a top-level form field', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'ping', { intercom_user_jwt: token });
    assert.deepEqual(await locationOf(response), { location: 'body.intercom_user_jwt', status: 'valid' });
  });

  it('mobile JSON body', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await mobileRequest(mock.url, 'users', { intercom_user_jwt: token });
    assert.deepEqual(await locationOf(response), { location: 'body.intercom_user_jwt', status: 'valid' });
  });

  it('Authorization header', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await mobileRequest(mock.url, 'users', {}, { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(await locationOf(response), { location: 'header.authorization', status: 'valid' });
  });

  it('cookie', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'ping', {}, { headers: { cookie: `intercom_jwt=${token}` } });
    assert.deepEqual(await locationOf(response), { location: 'cookie.intercom_jwt', status: 'valid' });
  });

  it('query string', async () => {
    const { token } = await mock.admin.token('alice');
    const response = await webRequest(mock.url, 'ping', {}, { query: `intercom_user_jwt=${token}` });
    assert.deepEqual(await locationOf(response), { location: 'query.intercom_user_jwt', status: 'valid' });
  });
});
