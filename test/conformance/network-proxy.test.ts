/**
 * `npm run conformance -- --network proxy` end to end: the seed's fault (android-stale-jwt, the
 * JWT of the login kept after setUserJwt) is caught with the simulated device's traffic going
 * through the recording proxy, and the journal shows the production host it was addressed to.
 * One check on one platform, to stay quick.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const scratch = mkdtempSync(join(tmpdir(), 'conformance-network-'));

function conformance(reports: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '--reports', reports, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CONFORMANCE_CA_DIR: join(scratch, 'ca') },
    timeout: 120_000,
  });
  const file = join(reports, 'conformance.json');
  const json = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { verdicts: { check: string; platform: string; outcome: string; gate: string; reason: string }[] }) : null;
  return { status: result.status, output: result.stdout + result.stderr, json };
}

/** The journal the run attached as evidence (journal.ndjson of each test). */
function journaledRecords(reports: string): { path: string; host?: string | null }[] {
  const dir = join(reports, 'conformance', 'mobile', 'results', 'evidence');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('journal.ndjson'))
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as { path: string; host?: string | null });
}

describe('--network proxy, end to end', () => {
  it('catches the seed-001 fault on Android through the proxy: a known failure, journaled with the production host', () => {
    const reports = join(scratch, 'stale-jwt');
    const run = conformance(reports, '--checks', 'MOB-JWT-REFRESH-01', '-p', 'android', '--mobile-profile', 'android-stale-jwt', '--network', 'proxy', '--no-allure');
    assert.equal(run.status, 0, run.output);
    assert.deepEqual(run.json!.verdicts.map((verdict) => [verdict.check, verdict.platform, verdict.outcome, verdict.gate]), [['MOB-JWT-REFRESH-01', 'android', 'fail', 'known-failure']]);
    const hosts = new Set(journaledRecords(reports).filter((record) => record.path.startsWith('/messenger/mobile/')).map((record) => record.host));
    assert.deepEqual([...hosts], ['mockapp1-android.mobile-messenger.intercom.com']);
  });

  it('an unknown --network exits 2 naming it', () => {
    const run = conformance(join(scratch, 'bad'), '--network', 'wifi');
    assert.equal(run.status, 2, run.output);
    assert.match(run.output, /option '--network <mode>' argument 'wifi' is invalid\. Allowed choices are direct, proxy/);
  });
});
