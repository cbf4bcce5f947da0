import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { useMock } from '../support/mock-fixture.ts';

const mock = useMock();

async function call(path: string, init: { body?: unknown; cookie?: string; bearer?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.cookie) headers['cookie'] = init.cookie;
  if (init.bearer) headers['authorization'] = `Bearer ${init.bearer}`;
  const response = await fetch(`${mock.url}/app-backend${path}`, { method: 'POST', headers, body: JSON.stringify(init.body ?? {}) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, setCookie: response.headers.get('set-cookie') };
}

describe('token service (stands in for the app backend)', () => {
  beforeEach(() => mock.admin.reset());

  it('sign in sets an app session cookie; /jwt mints a verifiable JWT for that user with the asked TTL', async () => {
    const login = await call('/login', { body: { user_id: 'alice' } });
    assert.equal(login.status, 200);
    assert.match(login.setCookie ?? '', /app_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
    const cookie = login.setCookie!.split(';')[0]!;
    const minted = await call('/jwt', { cookie, body: { ttl_s: 300 } });
    assert.equal(minted.status, 200);
    const claims = decodeJwt(minted.body['token'] as string);
    assert.equal(claims['user_id'], 'alice');
    assert.equal(claims.exp! - claims.iat!, 300);
    assert.equal(claims['email'], 'alice@example.test');
  });

  it('mobile apps use the app session as a bearer token', async () => {
    const login = await call('/login', { body: { user_id: 'bob' } });
    const minted = await call('/jwt', { bearer: login.body['app_session'] as string });
    assert.equal(decodeJwt(minted.body['token'] as string)['user_id'], 'bob');
  });

  it('after sign out no JWT is minted', async () => {
    const login = await call('/login', { body: { user_id: 'alice' } });
    const cookie = login.setCookie!.split(';')[0]!;
    const logout = await call('/logout', { cookie });
    assert.match(logout.setCookie ?? '', /app_session=;/);
    assert.equal((await call('/jwt', { cookie })).status, 401);
  });

  it('refuses unknown users and anonymous callers with messages that say why', async () => {
    const unknown = await call('/login', { body: { user_id: 'zed' } });
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.body['error']), /known: alice, bob/);
    const anonymous = await call('/jwt');
    assert.equal(anonymous.status, 401);
    const bad = await call('/login', { body: { user: 'alice' } });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /user_id/);
  });

  it('successive tokens differ once the clock moves, so refreshes are distinguishable', async () => {
    const login = await call('/login', { body: { user_id: 'alice' } });
    const cookie = login.setCookie!.split(';')[0]!;
    const first = await call('/jwt', { cookie, body: { ttl_s: 300 } });
    await mock.admin.clock({ advance_s: 240 });
    const second = await call('/jwt', { cookie, body: { ttl_s: 300 } });
    assert.notEqual(first.body['fingerprint'], second.body['fingerprint']);
  });
});

describe('token issuance log', () => {
  beforeEach(() => mock.admin.reset());

  it('logs every minted token with its user, expiry and the journal position it was minted at', async () => {
    const fromAdmin = await mock.admin.token('alice', { ttl_s: 60 });
    const login = await call('/login', { body: { user_id: 'bob' } });
    const fromService = await call('/jwt', { bearer: login.body['app_session'] as string });
    const log = await mock.admin.issuedTokens();
    assert.deepEqual(log.map((entry) => [entry.fingerprint, entry.user_id, entry.via]), [
      [fromAdmin.fingerprint, 'alice', 'admin'],
      [fromService.body['fingerprint'], 'bob', 'token-service'],
    ]);
    assert.equal(log[0]!.exp! - log[0]!.iat!, 60);
    assert.deepEqual((await mock.admin.issuedTokens('bob')).length, 1);
    await mock.admin.reset();
    assert.deepEqual(await mock.admin.issuedTokens(), []);
  });
});
