/**
 * `npm run conformance` end to end on the simulated device (one check, one platform, to stay
 * quick): the gate fails on an unexpected failure and on an unexpected pass, holds on a known
 * failure, bad input exits 2 naming it, and nothing of one run survives into the next.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const EXPECT_ORDER_FAILS = 'test/fixtures/expectations/order-fails-on-android.json';
const scratch = mkdtempSync(join(tmpdir(), 'conformance-cli-'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  json: { ok: boolean; verdicts: { check: string; platform: string; outcome: string; gate: string; reason: string; evidence: { name: string }[] }[] } | null;
}

function conformance(reports: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '--reports', reports, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  const file = join(reports, 'conformance.json');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json: existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null };
}

const orderOnAndroid = ['--checks', 'MOB-JWT-ORDER-01', '--platforms', 'android'];

describe('the conformance gate, end to end', () => {
  it('fails on an unexpected pass: a listed failure that no longer fails', () => {
    const run = conformance(join(scratch, 'unexpected-pass'), ...orderOnAndroid, '--expectations', EXPECT_ORDER_FAILS, '--no-allure');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.equal(run.json!.verdicts[0]!.gate, 'unexpected-pass');
    assert.match(run.stdout, /MOB-JWT-ORDER-01 +│ PASS \(unexpected\) \[1\]/);
    assert.match(run.stdout, /passed, but test\/fixtures\/expectations\/order-fails-on-android\.json lists it as a known failure/);
  });

  it('fails on an unexpected failure, naming the evidence', () => {
    const run = conformance(join(scratch, 'unexpected-failure'), ...orderOnAndroid, '--mobile-profile', 'login-before-jwt', '--no-allure');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const [verdict] = run.json!.verdicts;
    assert.equal(verdict!.gate, 'unexpected-failure');
    assert.match(verdict!.reason, /#\d+ POST \/messenger\/mobile\/users/);
    assert.ok(verdict!.evidence.some((file) => file.name === 'jwt-timeline.txt'));
    assert.match(run.stdout, /✗ MOB-JWT-ORDER-01 +Android/);
    assert.match(run.stdout, /expectations: none \(no expectations\/intercom-sim\+login-before-jwt@[\d.]+\.json\)/);
  });

  it('holds on a known failure, and a later run leaves nothing of an earlier one', () => {
    const reports = join(scratch, 'known-then-other');
    const known = conformance(reports, ...orderOnAndroid, '--mobile-profile', 'login-before-jwt', '--expectations', EXPECT_ORDER_FAILS);
    assert.equal(known.status, 0, known.stdout + known.stderr);
    assert.equal(known.json!.verdicts[0]!.gate, 'known-failure');
    assert.match(known.stdout, /FAIL \(known\) \[1\]/);
    const knownSummary = JSON.parse(readFileSync(join(reports, 'allure-report', 'summary.json'), 'utf8')) as { stats: { total: number; resolutions?: { accepted?: number } } };
    assert.deepEqual([knownSummary.stats.total, knownSummary.stats.resolutions?.accepted], [1, 1], 'the report marks the known failure as accepted');

    const later = conformance(reports, '--checks', 'MOB-LOGOUT-01', '--platforms', 'ios');
    assert.equal(later.status, 0, later.stdout + later.stderr);
    assert.deepEqual(later.json!.verdicts.map((verdict) => `${verdict.check}/${verdict.platform}`), ['MOB-LOGOUT-01/ios']);
    assert.doesNotMatch(readFileSync(join(reports, 'conformance.md'), 'utf8'), /MOB-JWT-ORDER-01/);
    const summary = JSON.parse(readFileSync(join(reports, 'allure-report', 'summary.json'), 'utf8')) as { stats: { total: number } };
    assert.equal(summary.stats.total, 1, 'the Allure report holds this run only');
    assert.deepEqual(readdirSync(join(reports, 'conformance', 'mobile', 'results', 'evidence')).length, 1);
  });

  it('exits 2 on bad input, naming what was wrong, and leaves the last run\'s reports alone', () => {
    const reports = join(scratch, 'known-then-other');
    const bad = join(scratch, 'bad@1.json');
    writeFileSync(bad, JSON.stringify({ subject: 'bad@1', known_failures: [{ check: 'MOB-NOPE-01', reason: 'x', link: 'https://example.test' }] }));
    const badFile = conformance(reports, ...orderOnAndroid, '--expectations', bad);
    assert.equal(badFile.status, 2);
    assert.match(badFile.stderr, /bad@1\.json is not a valid expectations file:\n {2}- known_failures\.0\.check: "MOB-NOPE-01" is not a check of this suite/);
    const badProfile = conformance(reports, '--platforms', 'web', '--web-profile', 'nope');
    assert.equal(badProfile.status, 2);
    assert.match(badProfile.stderr, /--web-profile: "nope" is not a profile of reference-web-app; it has correct, /);
    const badSimProfile = conformance(reports, '--platforms', 'ios', '--mobile-profile', 'nope', '--mobile-subject', 'my-app@1.0.0');
    assert.equal(badSimProfile.status, 2);
    assert.match(badSimProfile.stderr, /--mobile-profile: "nope" is not a profile of the simulated SDK/);
    assert.deepEqual(badProfile.json!.verdicts.map((verdict) => `${verdict.check}/${verdict.platform}`), ['MOB-LOGOUT-01/ios'], 'the previous run\'s verdicts are still there');
    assert.ok(existsSync(join(reports, 'allure-report', 'index.html')));
  });

  it('shows a web check whose browser would not start as broken in the Allure report, with its reason', () => {
    const reports = join(scratch, 'broken-browser');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '--reports', reports, '--platforms', 'web', '--checks', 'WEB-VISITOR-01'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CHROMIUM_PATH: '/bin/false' },
      timeout: 120_000,
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /WEB-VISITOR-01 +│ ERROR \[1\]/);
    const summary = JSON.parse(readFileSync(join(reports, 'allure-report', 'summary.json'), 'utf8')) as { stats: { total: number; broken?: number; passed?: number } };
    assert.deepEqual([summary.stats.total, summary.stats.broken, summary.stats.passed ?? 0], [1, 1, 0], 'the one verdict is in the report, broken');
  });
});
