import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindWarning } from '../../mock-server/loopback.ts';

describe('binding beyond loopback', () => {
  it('warns for a wildcard or LAN address, not for loopback', () => {
    assert.match(bindWarning('0.0.0.0') ?? '', /beyond loopback/);
    assert.match(bindWarning('192.168.1.20') ?? '', /beyond loopback/);
    assert.equal(bindWarning('127.0.0.1'), null);
    assert.equal(bindWarning('::1'), null);
    assert.equal(bindWarning('localhost'), null);
  });
});
