/**
 * Each output of the conformance run from a hand-built gated run: conformance.json (its fields
 * in order), conformance.md, the terminal's header and closing lines, and the Allure report (or
 * the problem that it could not be made, which is exit 3).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { summarizeGate } from '../../conformance/gate.ts';
import { AllureReporter } from '../../conformance/reporters/allure-reporter.ts';
import { JsonReporter } from '../../conformance/reporters/json-reporter.ts';
import { MarkdownReporter } from '../../conformance/reporters/markdown-reporter.ts';
import { Reporters } from '../../conformance/reporters/reporter.ts';
import { TerminalReporter } from '../../conformance/reporters/terminal-reporter.ts';
import { ConformanceRun, outputPaths, type ConformanceOptions, type RunGate, type RunResult } from '../../conformance/run-state.ts';
import { settle } from '../../conformance/run-tasks.ts';
import type { GatedResult, KnownFailure, RunSelection } from '../../conformance/types.ts';
import { terminalTable } from '../../conformance/verdict-table.ts';

const scratch = mkdtempSync(join(tmpdir(), 'conformance-reporters-'));

const KNOWN: KnownFailure = { check: 'MOB-LOGOUT-01', platforms: ['android'], reason: 'a known bug', link: 'https://example.test/bug/1', file: 'expectations/intercom-sim@1.json' };

const gated = (check: string, platform: GatedResult['platform'], verdict: GatedResult['verdict'], gate: GatedResult['outcome'], reason = ''): GatedResult => ({
  check,
  platform,
  subject: platform === 'web' ? 'reference-web-app@1' : 'intercom-sim@1',
  verdict,
  reason,
  details: reason ? [reason] : [],
  evidence: [],
  durationMs: 1234,
  cause: null,
  outcome: gate,
  expected: gate === 'known-failure' ? KNOWN : null,
});

const VERDICTS = [
  gated('WEB-LOGOUT-01', 'web', 'pass', 'pass'),
  gated('MOB-LOGOUT-01', 'android', 'fail', 'known-failure', 'record #4 served alice after logout'),
  gated('MOB-LOGOUT-01', 'ios', 'fail', 'unexpected-failure', 'record #9 served alice after logout'),
];

const SELECTION: RunSelection = {
  platforms: ['web', 'android', 'ios'],
  checks: ['WEB-LOGOUT-01', 'MOB-LOGOUT-01'],
  web: { subjectModule: 'reference-web-app', variant: undefined, profile: undefined, profileModule: undefined },
  mobile: { config: 'wdio.conf.ts', profile: undefined, profileModule: undefined, selectors: undefined, subjectId: undefined },
};

function gateOf(runs: GatedResult[][], changed: string[] = []): RunGate {
  const verdicts = runs.at(-1)!;
  const summary = summarizeGate(verdicts);
  return { runs, verdicts, changed, summary, holds: summary.ok && changed.length === 0 };
}

/** A settled run as the settle task leaves it, written under `dir`. */
function result(dir: string, overrides: Partial<RunResult> = {}): RunResult {
  const out = outputPaths(dir);
  mkdirSync(dir, { recursive: true });
  return {
    selection: SELECTION,
    repeat: 1,
    reportsDir: dir,
    out,
    startedAt: '2026-12-02T10:00:00.000Z',
    wallMs: 61_449.6,
    exitCode: 1,
    subjects: [
      { id: 'reference-web-app@1', platforms: ['web'] },
      { id: 'intercom-sim@1', platforms: ['android', 'ios'] },
    ],
    expectations: { files: ['expectations/intercom-sim@1.json'], notFound: [], knownFailures: [KNOWN], notes: [] },
    gate: gateOf([VERDICTS]),
    allure: { page: null, problem: null },
    logs: [`${dir}/conformance/web/playwright.log`],
    reports: [
      { name: 'verdicts (JSON)', path: out.json },
      { name: 'runner logs', path: `${dir}/conformance/web/playwright.log` },
    ],
    ...overrides,
  };
}

describe('the JSON reporter', () => {
  it('writes conformance.json: the run, the gate and each verdict, fields in their documented order', () => {
    const dir = join(scratch, 'json');
    const run = result(dir);
    new JsonReporter().onEnd(run);
    const text = readFileSync(run.out.json, 'utf8');
    const expected = {
      started_at: '2026-12-02T10:00:00.000Z',
      wall_ms: 61450,
      ok: false,
      exit_code: 1,
      gate: { ok: false, passed: 1, known_failures: 1, unexpected_failures: 1, unexpected_passes: 0, errors: 0 },
      repeats: 1,
      selection: SELECTION,
      subjects: run.subjects,
      expectations: { files: ['expectations/intercom-sim@1.json'], not_found: [], notes: [], known_failures: [KNOWN] },
      verdicts: VERDICTS.map((verdict) => ({
        check: verdict.check,
        title: verdict.check === 'WEB-LOGOUT-01' ? 'logout then reload leaves no prior-user data anywhere' : 'after logout no prior-user data in the UI tree, the requests or the responses',
        platform: verdict.platform,
        subject: verdict.subject,
        outcome: verdict.verdict,
        gate: verdict.outcome,
        reason: verdict.reason,
        expected: verdict.expected ? { reason: 'a known bug', link: 'https://example.test/bug/1', file: 'expectations/intercom-sim@1.json' } : null,
        duration_ms: 1234,
        cause: null,
        details: verdict.details,
        evidence: [],
      })),
      reports: { json: run.out.json, markdown: run.out.markdown, allure: null, logs: run.logs },
    };
    // Compared as text: the order of the fields is part of the file's shape.
    assert.equal(text, `${JSON.stringify(expected, null, 2)}\n`);
  });

  it('adds what changed between repeats, every repeat\'s verdicts, and why the Allure report is missing', () => {
    const dir = join(scratch, 'json-repeats');
    const first = VERDICTS.map((verdict) => (verdict.platform === 'ios' ? { ...verdict, verdict: 'pass' as const, outcome: 'pass' as const, reason: '' } : verdict));
    const run = result(dir, { repeat: 2, gate: gateOf([first, VERDICTS], ['MOB-LOGOUT-01 on iOS: pass ×1, fail ×1 (run 2: record #9 served alice after logout)']), allure: { page: null, problem: 'no Allure results were written by the runners' } });
    new JsonReporter().onEnd(run);
    const json = JSON.parse(readFileSync(run.out.json, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['started_at', 'wall_ms', 'ok', 'exit_code', 'gate', 'repeats', 'selection', 'subjects', 'expectations', 'verdicts', 'changed', 'runs', 'reports', 'allure_error']);
    assert.deepEqual(json['changed'], run.gate.changed);
    assert.deepEqual((json['runs'] as unknown[][]).map((round) => round.length), [3, 3]);
    assert.deepEqual((json['runs'] as Record<string, unknown>[][])[0]![2], { check: 'MOB-LOGOUT-01', platform: 'ios', outcome: 'pass', gate: 'pass', reason: '' });
    assert.equal(json['allure_error'], 'no Allure results were written by the runners');
  });
});

describe('the Markdown reporter', () => {
  it('writes conformance.md: the headline, the table, the findings, the problems and the reports', () => {
    const dir = join(scratch, 'markdown');
    const run = result(dir, { allure: { page: null, problem: 'allure generate exited with code 1' } });
    new MarkdownReporter().onEnd(run);
    const text = readFileSync(run.out.markdown, 'utf8');
    const lines = text.split('\n');
    assert.equal(lines[0], '# Identity conformance: GATE FAILS');
    assert.equal(lines[2], 'Subjects: reference-web-app@1, intercom-sim@1 · expectations: expectations/intercom-sim@1.json · started 2026-12-02T10:00:00.000Z · wall 61.4 s');
    assert.ok(lines.includes('| **MOB-LOGOUT-01** after logout no prior-user data in the UI tree, the requests or the responses | · | ⚠️ FAIL (known) [1] | ❌ FAIL [2] |'), text);
    assert.ok(lines.includes('**Problem:** the Allure report could not be generated: allure generate exited with code 1'), text);
    assert.ok(lines.includes('2. MOB-LOGOUT-01 on iOS: record #9 served alice after logout'), text);
    assert.deepEqual(lines.slice(lines.indexOf('## Reports')), ['## Reports', '', `- verdicts (JSON): \`${run.out.json}\``, `- runner logs: \`${dir}/conformance/web/playwright.log\``, '']);
  });
});

describe('the terminal reporter', () => {
  const options = (dir: string): ConformanceOptions => ({ selection: SELECTION, expectations: undefined, reportsDir: dir, repeat: 2, allure: false, verbose: false });

  it('prints the header: subjects, expectations, browser, repeats; then a line per runner and per repeat', () => {
    const printed: string[] = [];
    const terminal = new TerminalReporter((line) => printed.push(line), false);
    const run = new ConformanceRun(options(join(scratch, 'terminal-begin')), new Reporters([terminal]));
    run.subjects = result(join(scratch, 'terminal-begin')).subjects;
    run.expectations = { files: ['expectations/intercom-sim@1.json'], notFound: [], knownFailures: [KNOWN], notes: ['expectations/x.json names another subject'] };
    run.browser = '/usr/bin/chromium';
    terminal.onBegin(run);
    terminal.onRoundBegin(1, 2);
    terminal.onRunnerBegin({ platforms: ['android', 'ios'], runner: 'WebdriverIO + Appium, simulated device', checks: 4 });
    assert.deepEqual(printed, [
      'Identity conformance · web: reference-web-app@1 · Android + iOS: intercom-sim@1',
      'expectations: expectations/intercom-sim@1.json (1 known failure)',
      '  note: expectations/x.json names another subject',
      'browser: /usr/bin/chromium',
      'repeating the selection 2 times',
      '\nrepeat 1/2',
      '\nAndroid + iOS · WebdriverIO + Appium, simulated device · 4 checks',
    ]);
  });

  it('prints the table, what changed between repeats, the Allure problem, the reports and the headline', () => {
    const printed: string[] = [];
    const dir = join(scratch, 'terminal-end');
    const run = result(dir, { repeat: 2, gate: gateOf([VERDICTS, VERDICTS], ['MOB-LOGOUT-01 on iOS: pass ×1, fail ×1']), allure: { page: null, problem: 'no Allure results were written by the runners' } });
    new TerminalReporter((line) => printed.push(line), false).onEnd(run);
    assert.deepEqual(printed, [
      `\n${terminalTable(VERDICTS, SELECTION.platforms)}`,
      '\nVerdicts that changed between 2 repeats:\n  MOB-LOGOUT-01 on iOS: pass ×1, fail ×1',
      '  repeat 1: GATE FAILS: 1 passed, 1 known failure, 1 unexpected failure, 0 unexpected passes, 0 errors',
      '  repeat 2: GATE FAILS: 1 passed, 1 known failure, 1 unexpected failure, 0 unexpected passes, 0 errors',
      '\nThe Allure report could not be generated: no Allure results were written by the runners',
      `\nReports:\n  verdicts (JSON)  ${run.out.json}\n  runner logs      ${dir}/conformance/web/playwright.log`,
      '\nConformance gate FAILS · 2/3 verdicts as expected in every one of 2 repeats · wall 61.4 s',
    ]);
  });

  it('says the gate holds but the report is missing when only the Allure report failed', () => {
    const printed: string[] = [];
    const holding = VERDICTS.slice(0, 2);
    new TerminalReporter((line) => printed.push(line), false).onEnd(result(join(scratch, 'terminal-holds'), { gate: gateOf([holding]), exitCode: 3, allure: { page: null, problem: 'boom' } }));
    assert.equal(printed.at(-1), '\nConformance gate holds, but the Allure report is missing · 2/2 verdicts as expected · wall 61.4 s');
  });
});

describe('the Allure reporter', () => {
  function gatedRun(dir: string, verdicts: GatedResult[]): ConformanceRun {
    const run = new ConformanceRun({ selection: SELECTION, expectations: undefined, reportsDir: dir, repeat: 1, allure: true, verbose: false }, new Reporters([]));
    mkdirSync(run.out.work, { recursive: true });
    run.subjects = result(dir).subjects;
    run.rounds.push({ round: 1, dir: run.out.work, verdicts, allureResults: [{ dir: join(run.out.work, 'web', 'allure-results'), platform: 'web' }], logs: [] });
    run.gate = gateOf([verdicts]);
    return run;
  }

  it('records why the report could not be made; the settled run then exits 3 though the gate holds', async () => {
    const run = gatedRun(join(scratch, 'allure-none'), []);
    run.gate = { ...run.gated(), holds: true };
    await new AllureReporter().onGated(run, run.gated());
    assert.deepEqual(run.allure, { page: null, problem: 'no Allure results were written by the runners' });
    assert.equal(new AllureReporter().reportLink(run), null);
    settle.setup!(run);
    assert.equal(run.exitCode, 3);
  });

  it('makes one offline report holding every verdict, listed among the reports', { timeout: 180_000 }, async () => {
    const run = gatedRun(join(scratch, 'allure-made'), VERDICTS);
    await new AllureReporter().onGated(run, run.gated());
    assert.equal(run.allure.problem, null);
    assert.ok(run.allure.page && existsSync(run.allure.page), `no entry page: ${run.allure.page}`);
    const summary = JSON.parse(readFileSync(join(run.out.allure, 'summary.json'), 'utf8')) as { stats: { total: number } };
    assert.equal(summary.stats.total, 3, 'a result written for each verdict no runner reported');
    assert.deepEqual(new AllureReporter().reportLink(run), { name: 'Allure report (web + Android + iOS; opens offline)', path: run.allure.page });
  });
});
