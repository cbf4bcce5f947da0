/**
 * The one vocabulary for a result (harness/result.ts): how a runner's test becomes a cell result,
 * the same for the browser and the device, and how a verdict stands against what was expected.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellResults as mobileCellResults, type WorkerResults } from '../../harness/mobile/worker-results.ts';
import { VERDICT_SEPARATOR } from '../../harness/mobile/soft-verdicts.ts';
import { ORACLE_MARK } from '../../harness/matchers.ts';
import { cellResultOf, isAsExpected, outcomeOf, platformNamed, PLATFORM_LABEL, type RunnerTest } from '../../harness/result.ts';
import { judge, KILL_TABLE_LABEL } from '../../harness/self-test/verdicts.ts';
import { cellResults as webCellResults, type PlaywrightJsonReport } from '../../harness/web/playwright-results.ts';

const test = (status: RunnerTest['status'], errors: string[] = []): RunnerTest => ({ cell: 'web', check: 'WEB-LOGOUT-01', status, durationMs: 3, errors, evidence: [] });

describe('a cell result', () => {
  it('is fail only when every error is an oracle verdict; anything else that did not pass is an error', () => {
    assert.equal(cellResultOf(test('passed')).verdict, 'pass');
    const caught = cellResultOf(test('failed', [`${ORACLE_MARK} requests carry no trace: #4 carried alice's JWT\n  #4 POST /ping`]));
    assert.deepEqual([caught.verdict, caught.reason], ['fail', "requests carry no trace: #4 carried alice's JWT"]);
    const crashed = cellResultOf(test('failed', ['TimeoutError: locator.click: Timeout 5000ms exceeded.\n  at page']));
    assert.deepEqual([crashed.verdict, crashed.reason], ['error', 'TimeoutError: locator.click: Timeout 5000ms exceeded.']);
    const mixed = cellResultOf(test('failed', [`${ORACLE_MARK} a verdict\n  #2 detail`, 'precondition failed: no polls']));
    assert.deepEqual([mixed.verdict, mixed.reason], ['error', 'precondition failed: no polls'], 'the reason of an error is what stopped the check judging');
    assert.equal(cellResultOf(test('failed', [])).verdict, 'error', 'a failure with no message is no verdict');
  });

  it('splits soft verdicts on the separator', () => {
    const soft = cellResultOf(test('failed', [`UI tree: ${ORACLE_MARK} holds alice${VERDICT_SEPARATOR}text: ${ORACLE_MARK} shows alice`]), VERDICT_SEPARATOR);
    assert.equal(soft.verdict, 'fail');
    assert.equal(soft.details.length, 2);
  });

  it('is the same for a skipped test on the browser and on the device: an error that is no verdict', () => {
    const web: PlaywrightJsonReport = {
      suites: [{ specs: [{ title: 'logout then reload leaves no prior-user data anywhere', tags: ['WEB-LOGOUT-01'], tests: [{ projectName: 'web', annotations: [{ type: 'check', description: 'WEB-LOGOUT-01' }], results: [{ status: 'skipped', duration: 0 }] }] }] }],
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 1, duration: 0 },
    };
    const worker: WorkerResults = { cid: '0-0', platformName: 'Android', sdkProfile: 'correct', specs: [], errors: [], tests: [{ title: 'after logout …', fullTitle: 'x', check: 'MOB-LOGOUT-01', state: 'skipped', durationMs: 0, errors: [] }] };
    const [onWeb] = webCellResults(web);
    const [onDevice] = mobileCellResults([worker]);
    for (const result of [onWeb!, onDevice!]) assert.deepEqual([result.status, result.verdict, result.reason], ['skipped', 'error', 'skipped']);
  });

  it('reads the check from the Playwright annotation the spec declared, not from the title', () => {
    const report: PlaywrightJsonReport = {
      suites: [
        {
          specs: [
            { title: 'a title that starts with no ID', tests: [{ projectName: 'web', annotations: [{ type: 'check', description: 'WEB-SWITCH-01' }], results: [{ status: 'passed', duration: 5 }] }] },
            { title: 'WEB-LOGOUT-01 a team test that declared no check', tests: [{ projectName: 'web', results: [{ status: 'passed', duration: 5 }] }] },
          ],
        },
      ],
      stats: { expected: 2, unexpected: 0, flaky: 0, skipped: 0, duration: 0 },
    };
    assert.deepEqual(webCellResults(report).map((result) => [result.check, result.verdict]), [['WEB-SWITCH-01', 'pass']]);
  });
});

describe('an outcome', () => {
  it('is the verdict against what was expected, the same for the gate and the kill table', () => {
    const rows = (['pass', 'fail', 'error'] as const).flatMap((verdict) => [false, true].map((expected) => [verdict, expected, outcomeOf(verdict, expected)] as const));
    assert.deepEqual(rows, [
      ['pass', false, 'pass'],
      ['pass', true, 'unexpected-pass'],
      ['fail', false, 'unexpected-failure'],
      ['fail', true, 'known-failure'],
      ['error', false, 'error'],
      ['error', true, 'error'],
    ]);
    assert.deepEqual(rows.filter(([, , outcome]) => isAsExpected(outcome)).map(([, , outcome]) => outcome), ['pass', 'known-failure']);
    // The kill table keeps its words: caught, MISSED, FALSE ALARM, ERROR, passed.
    const judged = judge(cellResultOf({ ...test('passed'), cell: 'spa-no-shutdown×correct' }), true);
    assert.deepEqual([judged.outcome, KILL_TABLE_LABEL[judged.outcome], judged.ok], ['unexpected-pass', 'MISSED', false]);
  });
});

describe('a platform', () => {
  it('has one label each, and is found from a label or a capability in any case', () => {
    assert.deepEqual(PLATFORM_LABEL, { web: 'web', android: 'Android', ios: 'iOS' });
    assert.deepEqual(['Android', 'iOS', 'ios', 'web', 'windows'].map(platformNamed), ['android', 'ios', 'ios', 'web', null]);
  });
});
