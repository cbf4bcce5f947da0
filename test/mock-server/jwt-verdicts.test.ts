import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { useMock } from '../support/mock-fixture.ts';
import { mobileRequest, webRequest } from '../support/messenger-wire.ts';

const mock = useMock();

async function webPingWith(token: string, userId?: string) {
  const response = await webRequest(mock.url, 'ping', { user_data: { ...(userId ? { user_id: userId } : {}), intercom_user_jwt: token } });
  const [record] = await mock.admin.requests({ since: response.seq! - 1, limit: 1 });
  return { response, record: record! };
}

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  claims.user_id = 'mallory';
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('JWT verdicts', () => {
  beforeEach(() => mock.admin.reset());

  it('valid: a primary-secret token is accepted and names its user', async () => {
    const { token, fingerprint } = await mock.admin.token('alice');
    const { response, record } = await webPingWith(token);
    assert.equal(response.status, 200);
    assert.equal(record.jwt?.status, 'valid');
    assert.equal(record.jwt?.secret, 'primary');
    assert.equal(record.jwt?.fingerprint, fingerprint);
    assert.deepEqual(record.identity, { kind: 'user', user_id: 'alice', via: 'jwt' });
  });

  it('valid: the rotated secret verifies too, and the record says which secret did', async () => {
    const { token } = await mock.admin.token('bob', { secret: 'rotated' });
    const { response, record } = await webPingWith(token);
    assert.equal(response.status, 200);
    assert.equal(record.jwt?.status, 'valid');
    assert.equal(record.jwt?.secret, 'rotated');
  });

  it('bad_signature: a token signed with another secret is refused', async () => {
    const { token } = await mock.admin.token('alice', { secret: 'wrong' });
    const { response, record } = await webPingWith(token);
    assert.equal(response.status, 403);
    assert.equal(record.jwt?.status, 'bad_signature');
    assert.deepEqual(record.identity, { kind: 'none' });
  });

  it('bad_signature: a tampered payload is refused', async () => {
    const { token } = await mock.admin.token('alice');
    const { record } = await webPingWith(tamper(token));
    assert.equal(record.jwt?.status, 'bad_signature');
    assert.equal(record.jwt?.claims?.['user_id'], 'mallory');
  });

  it('expired: exp at or before receipt on the mock clock', async () => {
    const { token } = await mock.admin.token('alice', { ttl_s: 60 });
    await mock.admin.clock({ advance_s: 61 });
    const { response, record } = await webPingWith(token);
    assert.equal(response.status, 403);
    assert.equal(record.jwt?.status, 'expired');
    assert.ok(record.jwt!.exp_in_s! <= -1, `exp_in_s ${record.jwt?.exp_in_s}`);
  });

  it('exp_in_s counts down on the shifted clock', async () => {
    const { token } = await mock.admin.token('alice', { ttl_s: 300 });
    await mock.admin.clock({ offset_s: 240 });
    const { record } = await webPingWith(token);
    assert.equal(record.jwt?.status, 'valid');
    assert.ok(record.jwt!.exp_in_s! <= 60 && record.jwt!.exp_in_s! >= 58, `exp_in_s ${record.jwt?.exp_in_s}`);
  });

  it('not_yet_valid: nbf in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { token } = await mock.admin.token('alice', { claims: { nbf: now + 600 } });
    const { record } = await webPingWith(token);
    assert.equal(record.jwt?.status, 'not_yet_valid');
  });

  it('missing_user_id: a signed token without user_id', async () => {
    const { token } = await mock.admin.token('alice', { claims: { user_id: null } });
    const { record } = await webPingWith(token);
    assert.equal(record.jwt?.status, 'missing_user_id');
  });

  for (const garbage of ['not-a-jwt', 'abcd.efgh.ijkl', 'eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln']) {
    it(`malformed: "${garbage}"`, async () => {
      const { response, record } = await webPingWith(garbage);
      assert.equal(response.status, 403);
      assert.equal(record.jwt?.status, 'malformed');
      assert.equal(record.jwt?.claims, null);
    });
  }

  it('malformed: exp that is not a number', async () => {
    const { token } = await mock.admin.token('alice', { claims: { exp: 'tomorrow' } });
    const { record } = await webPingWith(token);
    assert.equal(record.jwt?.status, 'malformed');
  });

  for (const alg of ['none', 'RS256', 'ES256', 'HS512'] as const) {
    it(`alg_not_allowed: ${alg}`, async () => {
      const { token } = await mock.admin.token('alice', { alg });
      const { response, record } = await webPingWith(token);
      assert.equal(response.status, 403);
      assert.equal(record.jwt?.status, 'alg_not_allowed');
      assert.equal(record.jwt?.header?.['alg'], alg);
    });
  }

  it('user_mismatch: a valid token for alice sent beside user_id bob', async () => {
    const { token } = await mock.admin.token('alice');
    const { response, record } = await webPingWith(token, 'bob');
    assert.equal(response.status, 403);
    assert.equal(record.jwt?.status, 'user_mismatch');
  });

  describe('precedence: malformed > alg_not_allowed > bad_signature > missing_user_id > not_yet_valid > expired', () => {
    const past = () => Math.floor(Date.now() / 1000) - 3600;
    const future = () => Math.floor(Date.now() / 1000) + 3600;

    it('alg none without user_id → alg_not_allowed', async () => {
      const { token } = await mock.admin.token('alice', { alg: 'none', claims: { user_id: null } });
      assert.equal((await webPingWith(token)).record.jwt?.status, 'alg_not_allowed');
    });
    it('wrong secret, expired, no user_id → bad_signature', async () => {
      const { token } = await mock.admin.token('alice', { secret: 'wrong', claims: { user_id: null, exp: past() } });
      assert.equal((await webPingWith(token)).record.jwt?.status, 'bad_signature');
    });
    it('no user_id and expired → missing_user_id', async () => {
      const { token } = await mock.admin.token('alice', { claims: { user_id: null, exp: past() } });
      assert.equal((await webPingWith(token)).record.jwt?.status, 'missing_user_id');
    });
    it('nbf in the future and expired → not_yet_valid', async () => {
      const { token } = await mock.admin.token('alice', { claims: { nbf: future(), exp: past() } });
      assert.equal((await webPingWith(token)).record.jwt?.status, 'not_yet_valid');
    });
    it('expired beside a mismatching user_id → expired', async () => {
      const { token } = await mock.admin.token('alice', { claims: { exp: past() } });
      assert.equal((await webPingWith(token, 'bob')).record.jwt?.status, 'expired');
    });
    it('an RS256 token signed by a foreign key, not HS → alg_not_allowed, not bad_signature', async () => {
      const foreign = await new SignJWT({ user_id: 'alice' }).setProtectedHeader({ alg: 'HS384' }).sign(new TextEncoder().encode('x'.repeat(48)));
      assert.equal((await webPingWith(foreign)).record.jwt?.status, 'alg_not_allowed');
    });
  });

  it('a valid JWT for an unknown user creates that user, as Intercom does', async () => {
    const { token } = await mock.admin.token('carol', { email: 'carol@example.test' });
    const { response } = await webPingWith(token);
    assert.equal(response.status, 200);
    const carol = await mock.admin.user('carol');
    assert.equal(carol.email, 'carol@example.test');
  });

  it('iat and exp follow the shifted clock; claims merge over the defaults', async () => {
    await mock.admin.clock({ offset_s: 1000 });
    const before = Math.floor(Date.now() / 1000) + 1000;
    const { claims } = await mock.admin.token('alice', { claims: { plan: 'pro' } });
    assert.ok(claims.iat! >= before && claims.iat! <= before + 2);
    assert.equal(claims.exp, claims.iat! + 3600);
    assert.equal(claims['plan'], 'pro');
  });

  it('mobile verification failure is a 401 error.list with hmac_mismatch', async () => {
    const { token } = await mock.admin.token('alice', { secret: 'wrong' });
    const response = await mobileRequest(mock.url, 'users', { intercom_user_jwt: token, user: { user_id: 'alice' } });
    assert.equal(response.status, 401);
    assert.deepEqual(response.body, {
      type: 'error.list',
      errors: [{ code: 'hmac_mismatch', message: 'Failed Identity Verification check' }],
    });
  });

  it('web verification failure is a 403 error.list naming the verdict', async () => {
    const response = await webRequest(mock.url, 'ping', { user_data: { user_id: 'alice' } });
    assert.equal(response.status, 403);
    assert.equal((response.body as { type: string }).type, 'error.list');
    assert.match(JSON.stringify(response.body), /jwt_required/);
  });

  it('an identified update without the JWT is refused too', async () => {
    const response = await webRequest(mock.url, 'events', { user_data: { user_id: 'alice', email: 'alice@example.test' }, event_name: 'x' });
    assert.equal(response.status, 403);
  });
});
