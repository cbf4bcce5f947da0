/**
 * The conformance run's own logic, without runners: choosing checks and platforms, reading
 * expectations files, the gate, the verdict table, changed verdicts across repeats, and the
 * command line.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATALOG, parsePlatforms, selectChecks } from '../../conformance/check-catalog.ts';
import { annotateAllureResults } from '../../conformance/allure-annotations.ts';
import { stripAnalytics } from '../../conformance/allure-report.ts';
import { EXPECTATIONS_DIR, ExpectationsError, loadExpectations, resolveExpectations } from '../../conformance/expectations.ts';
import { applyGate, summarizeGate } from '../../conformance/gate.ts';
import { mobileSpecFiles } from '../../conformance/mobile-runner.ts';
import { conformanceProgram, runSelection, type CliOptions } from '../../conformance/program.ts';
import { changedVerdicts, worstOfRounds } from '../../conformance/repeats.ts';
import { CODE_ROOT } from '../../harness/code-root.ts';
import { parseProgressLine, progressLine, type ProgressEvent } from '../../harness/progress.ts';
import { explainExit } from '../../conformance/runner-process.ts';
import type { CheckResult, KnownFailure } from '../../conformance/types.ts';
import { markdownReport, terminalTable } from '../../conformance/verdict-table.ts';
import { platformOfCell, toVerdicts } from '../../conformance/verdicts.ts';

const scratch = mkdtempSync(join(tmpdir(), 'conformance-units-'));
function writeJson(name: string, value: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const verdict = (check: string, platform: CheckResult['platform'], result: CheckResult['verdict'], reason = ''): CheckResult => ({
  check,
  platform,
  subject: 'subject@1',
  verdict: result,
  reason,
  details: [],
  evidence: [],
  durationMs: 10,
  cause: null,
});

const known = (check: string, platforms?: CheckResult['platform'][]): KnownFailure => ({ check, platforms, reason: 'a known bug', link: 'https://example.test/bug/1', file: 'expectations/x@1.json' });

describe('choosing checks and platforms', () => {
  it('selects every check of the selected platforms when none is named', () => {
    assert.deepEqual(selectChecks(undefined, ['web']), CATALOG.filter((entry) => entry.platforms.includes('web')).map((entry) => entry.check.id));
    assert.equal(selectChecks(undefined, ['web', 'android', 'ios']).length, CATALOG.length);
  });

  it('takes IDs and globs in any case, in catalogue order', () => {
    assert.deepEqual(selectChecks(['mob-jwt-*', 'WEB-LOGOUT-01'], ['web', 'android']), ['WEB-LOGOUT-01', 'MOB-JWT-REFRESH-01', 'MOB-JWT-ORDER-01']);
  });

  it('names what was wrong: an unknown check, a check of an unselected platform, an unknown platform', () => {
    assert.throws(() => selectChecks(['WEB-NOPE-01'], ['web']), /"WEB-NOPE-01" matches no check; the checks are WEB-LOGOUT-01/);
    assert.throws(() => selectChecks(['MOB-*'], ['web']), /"MOB-\*" runs on android, ios, and --platforms selects only web/);
    assert.throws(() => parsePlatforms('web,windows'), /"windows" is not a platform/);
    assert.deepEqual(parsePlatforms('iOS, WEB'), ['web', 'ios']);
  });

  it('finds the spec file of every mobile check', () => {
    const mobile = CATALOG.filter((entry) => entry.platforms.includes('android')).map((entry) => entry.check.id);
    const files = mobileSpecFiles(mobile);
    assert.equal(new Set(files).size, mobile.length);
    // From the project's code root (the repository here, dist/ when installed), not the working directory.
    assert.deepEqual(mobileSpecFiles(['MOB-LOGOUT-01']), [join(CODE_ROOT, 'specs', 'mobile', 'logout.spec.ts')]);
  });
});

describe('expectations files', () => {
  it('reads known failures with their reason, link and file', () => {
    const file = writeJson('ok@1.json', { subject: 'ok@1', known_failures: [{ check: 'MOB-JWT-REFRESH-01', platforms: ['android'], reason: 'stale token', link: 'https://example.test/1' }] });
    assert.deepEqual(loadExpectations(file), { subject: 'ok@1', knownFailures: [{ check: 'MOB-JWT-REFRESH-01', platforms: ['android'], reason: 'stale token', link: 'https://example.test/1', file }] });
  });

  it('names every problem with its place in the file', () => {
    const file = writeJson('bad@1.json', {
      subject: 'bad',
      known_failures: [
        { check: 'WEB-LOGOUT-01', reason: '', link: 'not a url' },
        { check: 'WEB-LOGOUT-01', platforms: ['mars'], reason: 'x', link: 'https://example.test' },
      ],
    });
    assert.throws(() => loadExpectations(file), (error: Error) => {
      assert.ok(error instanceof ExpectationsError);
      assert.match(error.message, /bad@1\.json is not a valid expectations file/);
      assert.match(error.message, /subject: must be "name@version"/);
      assert.match(error.message, /known_failures\.0\.reason: say why/);
      assert.match(error.message, /known_failures\.0\.link: must be an http\(s\) URL/);
      assert.match(error.message, /known_failures\.1\.platforms\.0/);
      return true;
    });
  });

  it('refuses checks the suite does not have, platforms a check does not run on, and duplicates', () => {
    const file = writeJson('semantic@1.json', {
      subject: 'semantic@1',
      known_failures: [
        { check: 'WEB-GONE-01', reason: 'x', link: 'https://example.test' },
        { check: 'WEB-LOGOUT-01', platforms: ['android'], reason: 'x', link: 'https://example.test' },
        { check: 'MOB-LOGOUT-01', reason: 'x', link: 'https://example.test' },
        { check: 'MOB-LOGOUT-01', platforms: ['ios'], reason: 'x', link: 'https://example.test' },
      ],
    });
    assert.throws(() => loadExpectations(file), /known_failures\.0\.check: "WEB-GONE-01" is not a check of this suite[\s\S]*known_failures\.1\.platforms: WEB-LOGOUT-01 does not run on android[\s\S]*known_failures\.3: MOB-LOGOUT-01 on ios is listed twice/);
  });

  it('says which file is not JSON', () => {
    assert.throws(() => loadExpectations(writeJson('broken@1.json', '{ nope')), /broken@1\.json is not a valid expectations file/);
  });

  it('finds expectations/<subject>.json of each subject that runs, and reports those it looked for', () => {
    const lookup = resolveExpectations(undefined, [{ id: 'intercom-sim+android-stale-jwt@0.1.0', platforms: ['android'] }, { id: 'nobody@0', platforms: ['web'] }]);
    assert.deepEqual(lookup.files, ['expectations/intercom-sim+android-stale-jwt@0.1.0.json']);
    assert.deepEqual(lookup.notFound, ['expectations/nobody@0.json']);
    assert.equal(lookup.knownFailures.length, 1);
    assert.throws(() => resolveExpectations(['nowhere.json'], []), /--expectations: nowhere\.json does not exist/);
  });

  it('keeps a found file to its subject\'s platforms', () => {
    const lookup = resolveExpectations(undefined, [{ id: 'intercom-sim+logout-keeps-cache@0.1.0', platforms: ['ios'] }]);
    assert.deepEqual(lookup.knownFailures.map((entry) => `${entry.check}/${entry.platforms?.join(',')}`), ['MOB-LOGOUT-01/ios', 'MOB-SWITCH-01/ios']);
  });

  it('says when a given file was written for another subject, and refuses a check listed in two files', () => {
    const entry = { check: 'MOB-LOGOUT-01', reason: 'x', link: 'https://example.test' };
    const a = writeJson('a@1.json', { subject: 'a@1', known_failures: [entry] });
    const b = writeJson('b@1.json', { subject: 'b@1', known_failures: [{ ...entry, platforms: ['ios'] }] });
    assert.deepEqual(resolveExpectations([a], [{ id: 'other@2', platforms: ['android'] }]).notes, [`${a} is written for a@1; applied as given to other@2`]);
    assert.throws(() => resolveExpectations([a, b], [{ id: 'a@1', platforms: ['android', 'ios'] }]), /MOB-LOGOUT-01 on ios is listed in both .*a@1\.json and .*b@1\.json/);
  });

  it('every bundled expectations file is valid and named after its subject', () => {
    const files = readdirSync(EXPECTATIONS_DIR).filter((file) => file.endsWith('.json'));
    assert.ok(files.length >= 2);
    for (const file of files) {
      const loaded = loadExpectations(join(EXPECTATIONS_DIR, file));
      assert.equal(`${loaded.subject}.json`, file);
      assert.ok(loaded.knownFailures.length > 0, file);
    }
  });
});

describe('the gate', () => {
  it('holds on passes and known failures, fails on unexpected failures, unexpected passes and errors', () => {
    const gated = applyGate(
      [verdict('WEB-LOGOUT-01', 'web', 'pass'), verdict('MOB-LOGOUT-01', 'android', 'fail', 'leak'), verdict('MOB-LOGOUT-01', 'ios', 'fail', 'leak'), verdict('MOB-SWITCH-01', 'android', 'pass'), verdict('MOB-JWT-ORDER-01', 'ios', 'error', 'timeout')],
      [known('MOB-LOGOUT-01', ['android']), known('MOB-SWITCH-01')],
    );
    assert.deepEqual(gated.map((entry) => entry.outcome), ['pass', 'known-failure', 'unexpected-failure', 'unexpected-pass', 'error']);
    assert.deepEqual(summarizeGate(gated), { passed: 1, knownFailures: 1, unexpectedFailures: 1, unexpectedPasses: 1, errors: 1, ok: false });
    assert.equal(summarizeGate(applyGate([verdict('MOB-LOGOUT-01', 'android', 'fail', 'leak')], [known('MOB-LOGOUT-01')])).ok, true);
    assert.equal(summarizeGate([]).ok, false, 'a run that judged nothing does not hold the gate');
  });

  it('turns runner results into verdicts; a result that never came is an error that says why', () => {
    const verdicts = toVerdicts(
      [
        { cell: 'correct×Android', check: 'MOB-LOGOUT-01', status: 'failed', verdict: 'fail', reason: '#4 carried alice', durationMs: 5, details: ['[oracle] …'], evidence: [] },
        { cell: 'correct×iOS', check: 'MOB-LOGOUT-01', status: 'passed', verdict: 'pass', reason: 'passed', durationMs: 5, details: [], evidence: [] },
      ],
      ['MOB-LOGOUT-01'],
      ['android', 'ios'],
      'intercom-sim@0.1.0',
      () => 'session refused',
    );
    assert.deepEqual(verdicts.map((entry) => [entry.platform, entry.verdict, entry.reason]), [['android', 'fail', '#4 carried alice'], ['ios', 'pass', '']]);
    const missing = toVerdicts([], ['WEB-LOGOUT-01'], ['web'], 'x@1', () => 'no result: exit 1');
    assert.deepEqual([missing[0]!.verdict, missing[0]!.reason], ['error', 'no result: exit 1']);
    // A skipped test is not judged: an error whose reason is what the run knows, as for a result that never came.
    const skipped = toVerdicts([{ cell: 'correct×iOS', check: 'MOB-LOGOUT-01', status: 'skipped', verdict: 'error', reason: 'skipped', durationMs: 0, details: [], evidence: [] }], ['MOB-LOGOUT-01'], ['ios'], 'x@1', () => 'hook "before all" failed: session refused');
    assert.deepEqual([skipped[0]!.verdict, skipped[0]!.reason], ['error', 'hook "before all" failed: session refused']);
    assert.equal(platformOfCell('logout-keeps-cache×iOS'), 'ios');
    assert.equal(platformOfCell('web'), 'web');
  });
});

describe('why a verdict failed', () => {
  const failing = (details: string[]) => toVerdicts([{ cell: 'web', check: 'WEB-LOGOUT-01', status: 'failed', verdict: 'fail', reason: 'requests carry no trace', durationMs: 5, details, evidence: [] }], ['WEB-LOGOUT-01'], ['web'], 'app@1', () => 'missing')[0]!;

  it("names the likely cause and the documented fix in the terminal and in Markdown, from the failure's evidence kinds", () => {
    const gated = applyGate([failing(['[oracle] requests carry no trace: …\n  [evidence-kinds] prior-resumed-via-session state-holds-session'])], []);
    assert.equal(gated[0]!.cause?.rule, 'session-survived-logout');
    const table = terminalTable(gated, ['web']);
    assert.match(table, /\n {6}likely cause: shutdown did not end the prior user's session/);
    assert.match(table, /\n {6}fix: call Intercom\('shutdown'\) first in the logout handler.*\(https:\/\/developers\.intercom\.com\/installing-intercom\/web\/methods\)/);
    const markdown = markdownReport(gated, ['web'], { subjects: ['app@1'], expectations: [], startedAt: 'now', wallMs: 1, reports: [], repeats: 1, changed: [], problems: [] });
    assert.match(markdown, /- \*\*Likely cause:\*\* shutdown did not end/);
    assert.match(markdown, /- \*\*Fix:\*\* call Intercom\('shutdown'\).*\(\[Intercom docs\]\(https:\/\/developers\.intercom\.com\/installing-intercom\/web\/methods\)\)/);
  });

  it('gives no cause for an error, nor for a failure whose evidence names no kind', () => {
    assert.equal(failing(['TimeoutError: page.click']).cause, null);
    assert.equal(toVerdicts([{ cell: 'web', check: 'WEB-LOGOUT-01', status: 'failed', verdict: 'error', reason: 'x', durationMs: 1, details: ['[evidence-kinds] prior-jwt-sent'], evidence: [] }], ['WEB-LOGOUT-01'], ['web'], 'app@1', () => '')[0]!.cause, null);
  });
});

describe('the verdict table', () => {
  const gated = applyGate(
    [verdict('WEB-LOGOUT-01', 'web', 'pass'), verdict('MOB-JWT-REFRESH-01', 'android', 'fail', '#7 carried JWT 2bd26021cd4f older than 952db9a9607e'), verdict('MOB-JWT-REFRESH-01', 'ios', 'pass')],
    [known('MOB-JWT-REFRESH-01', ['android'])],
  );

  it('shows check × platform with numbered findings naming the evidence and the expectation', () => {
    const table = terminalTable(gated, ['web', 'android', 'ios']);
    assert.match(table, /^check +│ web +│ Android +│ iOS/m);
    assert.match(table, /WEB-LOGOUT-01 +│ pass +│ · +│ ·/);
    assert.match(table, /MOB-JWT-REFRESH-01 +│ · +│ FAIL \(known\) \[1\] │ pass/);
    assert.match(table, /\[1\] MOB-JWT-REFRESH-01 on Android: #7 carried JWT 2bd26021cd4f older than 952db9a9607e — known failure \(expectations\/x@1\.json\): a known bug https:\/\/example\.test\/bug\/1/);
    assert.match(table, /gate holds: 2 passed, 1 known failure, 0 unexpected failures, 0 unexpected passes, 0 errors/);
  });

  it('writes the same as Markdown with what ran and where the reports are', () => {
    const markdown = markdownReport(gated, ['web', 'android', 'ios'], { subjects: ['a@1'], expectations: ['expectations/x@1.json'], startedAt: 'now', wallMs: 1500, reports: [{ name: 'json', path: 'reports/conformance.json' }], repeats: 1, changed: [], problems: [] });
    assert.match(markdown, /^# Identity conformance: gate holds/);
    assert.match(markdown, /\| \*\*MOB-JWT-REFRESH-01\*\* every request after a setUserJwt[^|]*\| · \| ⚠️ FAIL \(known\) \[1\] \| ✅ pass \|/);
    assert.match(markdown, /1\. MOB-JWT-REFRESH-01 on Android: #7 carried/);
    assert.match(markdown, /- json: `reports\/conformance\.json`/);
  });
});

describe('a runner that left no result', () => {
  it('is explained by its own error line and the list that follows it; the table says it once', () => {
    const tail = ['starting', 'ERROR: wdio.android.conf.ts cannot run on this machine; it lacks:', '- an Android SDK', '- a JDK', '(The simulated device needs none of this)'];
    const reason = explainExit({ exitCode: 1, wallMs: 5, tail }, 'reports/x.log');
    assert.match(explainExit({ exitCode: 1, wallMs: 5, tail: ['[0-0] INFO webdriver: no errors so far', 'Error: spawn appium ENOENT', '    at x'] }, 'l'), /\(Error: spawn appium ENOENT; full log: l\)/);
    assert.match(explainExit({ exitCode: null, signal: 'SIGKILL', wallMs: 5, tail: [] }, 'l'), /the runner was stopped by SIGKILL \(no output/);
    assert.equal(reason, 'no result: the runner exited with code 1 (ERROR: wdio.android.conf.ts cannot run on this machine; it lacks: an Android SDK; a JDK; full log: reports/x.log)');
    const table = terminalTable(applyGate([verdict('MOB-LOGOUT-01', 'android', 'error', reason), verdict('MOB-SWITCH-01', 'android', 'error', reason)], []), ['android']);
    assert.match(table, /\[2\] MOB-SWITCH-01 on Android: as \[1\]/);
  });
});

describe('progress lines', () => {
  it('are read wherever a runner puts them, and only when they are well formed', () => {
    const event = { cell: 'correct×Android', check: 'MOB-LOGOUT-01', state: 'failed', reason: '#4 carried alice', durationMs: 12 };
    assert.deepEqual(parseProgressLine(`[0-0] ${progressLine(event as ProgressEvent).trim()}`), event);
    assert.equal(parseProgressLine('an app log line'), null);
    assert.equal(parseProgressLine('app log: ##conformance 5'), null);
    assert.equal(parseProgressLine('##conformance {"cell":"web","check":"X","state":"maybe","reason":"","durationMs":1}'), null);
  });
});

describe('repeats', () => {
  it('report the first repeat that did not hold the gate for each check', () => {
    const round = (result: CheckResult['verdict']) => applyGate([verdict('WEB-LOGOUT-01', 'web', result, result === 'pass' ? '' : 'timeout'), verdict('WEB-SWITCH-01', 'web', 'pass')], []);
    const worst = worstOfRounds([round('pass'), round('error'), round('pass')]);
    assert.deepEqual(worst.map((entry) => [entry.check, entry.outcome, entry.round]), [['WEB-LOGOUT-01', 'error', 2], ['WEB-SWITCH-01', 'pass', undefined]]);
    assert.equal(summarizeGate(worst).ok, false);
    assert.match(terminalTable(worst, ['web']), /\[1\] WEB-LOGOUT-01 on web \(repeat 2\): could not judge/);
  });

  it('reports a check whose verdict changed, with counts and the first failing reason', () => {
    const steady = [verdict('WEB-LOGOUT-01', 'web', 'pass')];
    assert.deepEqual(changedVerdicts([steady, steady, steady]), []);
    const flaky = [steady, [verdict('WEB-LOGOUT-01', 'web', 'error', 'timeout waiting for #5')], steady];
    assert.deepEqual(changedVerdicts(flaky), ['WEB-LOGOUT-01 on web: pass ×2, error ×1 (run 2: timeout waiting for #5)']);
  });
});

describe('the command line', () => {
  const parse = (...args: string[]): CliOptions => conformanceProgram().parse(['node', 'conformance', ...args]).opts<CliOptions>();

  it('defaults to every check on every platform of the embedded default', () => {
    const selection = runSelection(parse());
    assert.deepEqual(selection.platforms, ['web', 'android', 'ios']);
    assert.equal(selection.checks.length, CATALOG.length);
    assert.equal(selection.mobile.config, 'wdio.conf.ts');
  });

  it('keeps only the platforms the chosen checks run on', () => {
    assert.deepEqual(runSelection(parse('--checks', 'MOB-JWT-ORDER-01')).platforms, ['android', 'ios']);
  });

  it('refuses bad values and contradictions with an error that names them', () => {
    assert.throws(() => parse('--repeat', '0'), /"0" is not a whole number from 1 to 1000/);
    assert.throws(() => parse('--mobile-subject', 'my-app'), /"my-app" is not name@version/);
    assert.throws(() => runSelection(parse('--matrix', '--repeat', '3')), /--repeat applies to a conformance run, not to --matrix/);
    assert.throws(() => runSelection(parse('--mobile-config', 'wdio.android.conf.ts', '--mobile-profile', 'correct', '-p', 'android')), /runs a real app/);
    assert.throws(() => runSelection(parse('--matrix', '--checks', 'WEB-LOGOUT-01')), /--matrix runs every bundled profile against every check; it takes no --checks/);
    assert.throws(() => runSelection(parse('--checks', ',')), /--checks: give at least one check/);
    assert.throws(() => runSelection(parse('--mobile-selectors', 'nowhere.json')), /--mobile-selectors: nowhere\.json does not exist/);
  });

  it('runs a real-device config on the one platform it drives', () => {
    assert.throws(() => runSelection(parse('--mobile-config', 'wdio.android.conf.ts')), /drives one Android device; choose it with --platforms android/);
    assert.throws(() => runSelection(parse('--mobile-config', 'wdio.ios.conf.ts', '-p', 'android')), /drives one iOS device/);
    assert.deepEqual(runSelection(parse('--mobile-config', 'wdio.android.conf.ts', '-p', 'web,android')).platforms, ['web', 'android']);
    assert.equal(runSelection(parse('--mobile-config', './wdio.conf.ts', '--mobile-profile', 'android-stale-jwt')).mobile.config, 'wdio.conf.ts');
  });
});

describe('the Allure report', () => {
  it('drops the analytics script Allure puts in its page, and nothing else', () => {
    const page = '<head><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>\n<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());</script><script>app()</script></head>';
    assert.equal(stripAnalytics(page), '<head><script>app()</script></head>');
  });
});

describe('the Allure results', () => {
  it('carry the gate: known failures marked known with reason and link, verdicts failed, errors broken, surprises tagged', () => {
    const web = join(scratch, 'allure-web');
    const mobile = join(scratch, 'allure-mobile');
    mkdirSync(web);
    mkdirSync(mobile);
    const result = (check: string, status: string, platform?: string) => ({
      status,
      statusDetails: { message: 'boom' },
      labels: [{ name: 'ALLURE_ID', value: check }],
      parameters: platform ? [{ name: 'platform', value: platform }] : [],
      links: [],
      description: 'statement',
    });
    writeFileSync(join(web, 'a-result.json'), JSON.stringify(result('WEB-LOGOUT-01', 'broken')));
    writeFileSync(join(mobile, 'b-result.json'), JSON.stringify(result('MOB-LOGOUT-01', 'broken', 'Android')));
    writeFileSync(join(mobile, 'c-result.json'), JSON.stringify(result('MOB-LOGOUT-01', 'failed', 'iOS')));
    writeFileSync(join(mobile, 'd-container.json'), '{}');
    const gated = applyGate(
      [verdict('WEB-LOGOUT-01', 'web', 'fail', 'leak'), verdict('MOB-LOGOUT-01', 'android', 'fail', 'leak'), verdict('MOB-LOGOUT-01', 'ios', 'error', 'timeout')],
      [known('MOB-LOGOUT-01', ['android'])],
    );
    assert.deepEqual(annotateAllureResults([{ dir: web, platform: 'web' }, { dir: mobile }], gated, join(scratch, 'allure-missing-none')), { annotated: 3, written: 0 });
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
    const a = read(join(web, 'a-result.json'));
    assert.equal(a.status, 'failed');
    assert.deepEqual(a.labels.at(-1), { name: 'tag', value: 'unexpected-failure' });
    const b = read(join(mobile, 'b-result.json'));
    assert.equal(b.statusDetails.known, true);
    assert.deepEqual(b.links, [{ type: 'issue', name: 'known failure: a known bug', url: 'https://example.test/bug/1' }]);
    assert.match(b.description, /^\*\*Known failure\*\* \(expectations\/x@1\.json\): a known bug https:\/\/example\.test\/bug\/1\n\nstatement$/);
    const c = read(join(mobile, 'c-result.json'));
    assert.equal(c.status, 'broken');
    assert.equal(c.statusDetails.known, undefined);
    assert.deepEqual([a.name, b.name, c.name], [`WEB-LOGOUT-01 · web · ${gated[0]!.subject}`, `MOB-LOGOUT-01 · Android · ${gated[1]!.subject}`, `MOB-LOGOUT-01 · iOS · ${gated[2]!.subject}`]);
  });

  it('get one written for every verdict whose runner left none: an ERROR as broken with its reason', () => {
    const web = join(scratch, 'allure-web-empty');
    const missing = join(scratch, 'allure-missing');
    mkdirSync(web);
    const gated = applyGate([verdict('WEB-LOGOUT-01', 'web', 'error', 'no result: the runner exited with code 1 (no Chromium found)'), verdict('MOB-LOGOUT-01', 'android', 'fail', 'leak')], [known('MOB-LOGOUT-01', ['android'])]);
    assert.deepEqual(annotateAllureResults([{ dir: web, platform: 'web' }], gated, missing), { annotated: 0, written: 2 });
    const results = readdirSync(missing).map((file) => JSON.parse(readFileSync(join(missing, file), 'utf8')));
    const error = results.find((result) => result.labels.some((label: { value: string }) => label.value === 'WEB-LOGOUT-01'));
    assert.equal(error.status, 'broken');
    assert.equal(error.statusDetails.message, 'no result: the runner exited with code 1 (no Chromium found)');
    assert.equal(error.name, `WEB-LOGOUT-01 · web · ${gated[0]!.subject}`);
    assert.deepEqual(error.labels.find((label: { name: string }) => label.name === 'tag'), { name: 'tag', value: 'could-not-judge' });
    const knownFailure = results.find((result) => result !== error);
    assert.equal(knownFailure.status, 'failed');
    assert.equal(knownFailure.statusDetails.known, true);
    assert.notEqual(error.historyId, knownFailure.historyId);
  });

  it("match a test that failed before its spec labelled it by its check's tag, and label it", () => {
    const web = join(scratch, 'allure-web-unlabelled');
    mkdirSync(web);
    // allure-playwright writes a test's Playwright tags (`@WEB-SWITCH-01`) as `tag` labels, without the @.
    writeFileSync(join(web, 'e-result.json'), JSON.stringify({ name: 'user switch without reload shows only the new user', status: 'failed', statusDetails: {}, labels: [{ name: 'tag', value: 'WEB-SWITCH-01' }], parameters: [] }));
    const gated = applyGate([verdict('WEB-SWITCH-01', 'web', 'error', 'browserType.launch: closed')], []);
    assert.deepEqual(annotateAllureResults([{ dir: web, platform: 'web' }], gated, join(scratch, 'allure-missing-unlabelled')), { annotated: 1, written: 0 });
    const e = JSON.parse(readFileSync(join(web, 'e-result.json'), 'utf8'));
    assert.equal(e.status, 'broken');
    assert.equal(e.statusDetails.message, 'browserType.launch: closed');
    assert.ok(e.labels.some((label: { name: string; value: string }) => label.name === 'ALLURE_ID' && label.value === 'WEB-SWITCH-01'));
  });
});
