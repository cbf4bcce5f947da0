import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conformanceProgram, runSelection, type CliOptions } from '../../conformance/program.ts';
import { mobileSubjectId, webSubjectId } from '../../conformance/subject-ids.ts';
import { simCapabilitiesFromEnv } from '../../harness/mobile/capabilities.ts';

const parse = (...args: string[]): CliOptions => conformanceProgram().parse(['node', 'conformance', ...args]).opts<CliOptions>();

describe('--jwt-ttl and --jwt-refresh', () => {
  it('are written into both subject ids; the defaults leave the ids unchanged', async () => {
    const plain = runSelection(parse());
    const timed = runSelection(parse('--jwt-ttl', '600', '--jwt-refresh', '30'));
    assert.deepEqual(timed.mobile.timing, { jwtTtlS: 600, jwtRefreshS: 30 });
    assert.deepEqual(timed.web.timing, { jwtTtlS: 600, jwtRefreshS: 30 });
    assert.match(mobileSubjectId(plain.mobile), /^intercom-sim@/);
    assert.match(mobileSubjectId(timed.mobile), /^intercom-sim\+jwt-ttl-600s\+jwt-refresh-30s@/);
    assert.match(await webSubjectId(timed.web), /^[^@]+\+jwt-ttl-600s\+jwt-refresh-30s@/);
    assert.equal(await webSubjectId(runSelection(parse('--jwt-ttl', '300', '--jwt-refresh', '240')).web), await webSubjectId(plain.web), 'the default values are the default subject');
    assert.match(mobileSubjectId(runSelection(parse('--mobile-profile', 'android-stale-jwt', '--jwt-refresh', '290')).mobile), /^intercom-sim\+android-stale-jwt\+jwt-refresh-290s@/);
  });

  it('refuse a value that is not a whole number of seconds ≥ 1, naming it', () => {
    for (const bad of ['0', '-5', '1.5', 'abc', '']) {
      assert.throws(() => parse('--jwt-ttl', bad), (error: Error & { exitCode?: number }) => error.exitCode === 1 && /--jwt-ttl <s>.*is not a whole number of seconds/.test(error.message), `--jwt-ttl ${JSON.stringify(bad)}`);
    }
    assert.throws(() => parse('--jwt-refresh', '1e3'), /--jwt-refresh <s>.*"1e3" is not a whole number of seconds/);
  });

  it('--matrix takes none of them (the matrix runs the bundled timing and its corpus)', () => {
    assert.throws(() => runSelection(parse('--matrix', '--jwt-ttl', '600')), /takes no --jwt-ttl/);
  });

  it('reach the simulated device as appium:jwtTtlS / appium:jwtRefreshS', () => {
    const [caps] = simCapabilitiesFromEnv({ MOBILE_PLATFORMS: 'android', MOBILE_JWT_TTL_S: '600', MOBILE_JWT_REFRESH_S: '30' }) as Record<string, unknown>[];
    assert.equal(caps!['appium:jwtTtlS'], 600);
    assert.equal(caps!['appium:jwtRefreshS'], 30);
    const [plain] = simCapabilitiesFromEnv({ MOBILE_PLATFORMS: 'android' }) as Record<string, unknown>[];
    assert.equal('appium:jwtTtlS' in plain!, false);
    assert.throws(() => simCapabilitiesFromEnv({ MOBILE_JWT_TTL_S: 'soon' }), /MOBILE_JWT_TTL_S: "soon" is not a whole number of seconds/);
  });
});
