/**
 * The nightly GitHub Actions workflow users copy: it parses, has the three jobs, uploads reports
 * whatever the outcome, and every `npm run conformance` it runs is a command line this version
 * of the CLI accepts, naming configs that exist; the device jobs prepare what the recording
 * proxy needs (the CA, a writable-system emulator with the CA in the system store, sudo for the
 * Mac's proxy) and leave the device proxy on.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { conformanceProgram, runSelection, type CliOptions } from '../../conformance/program.ts';

const WORKFLOW = '.github/workflows/conformance-nightly.yml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; env?: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as Workflow;

const literal = (words: string): string[] => words.split(/\s+/).filter((token) => token && !token.includes('$') && !token.startsWith('"'));

/**
 * The literal arguments of each `npm run conformance -- …` in a step: those written on the line,
 * or those of a bash array `args=(…)` it expands; optional ones added under a condition are left out.
 */
function conformanceCommands(step: Step): string[][] {
  const text = [step.run, step.with?.['script']].filter(Boolean).join('\n');
  const array = literal(text.match(/^\s*args=\(([^)]*)\)/m)?.[1] ?? '');
  return [...text.matchAll(/npm run conformance(?: -- ([^;\n]*))?/g)].map((match) => [...(match[1]?.includes('${args[@]}') ? array : []), ...literal(match[1] ?? '')]);
}

describe('the nightly workflow', () => {
  it('runs nightly and on demand, with a browser + simulator job, an Android emulator job and an iOS simulator job', () => {
    assert.ok('schedule' in workflow.on && 'workflow_dispatch' in workflow.on);
    assert.deepEqual(Object.keys(workflow.jobs), ['browser-and-sim', 'android-emulator', 'ios-simulator']);
    assert.match(workflow.jobs['browser-and-sim']!['runs-on'], /ubuntu/);
    assert.match(workflow.jobs['android-emulator']!['runs-on'], /ubuntu/);
    assert.match(workflow.jobs['ios-simulator']!['runs-on'], /macos/);
    assert.ok(workflow.jobs['android-emulator']!.steps.some((step) => step.uses?.startsWith('reactivecircus/android-emulator-runner@')));
  });

  it('uploads reports from every job, pass or fail', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
      assert.ok(upload, `${name} uploads an artifact`);
      assert.equal(upload.if, 'always()', `${name} uploads even when the run fails`);
      assert.equal(upload.with?.['path'], 'reports/');
    }
  });

  it('runs only command lines the CLI accepts, with configs that exist', () => {
    const seen: string[] = [];
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const args of job.steps.flatMap(conformanceCommands)) {
        const options = conformanceProgram().parse(['node', 'conformance', ...args]).opts<CliOptions>();
        const selection = runSelection(options);
        assert.ok(existsSync(selection.mobile.config), `${name}: ${selection.mobile.config} exists`);
        seen.push(`${name}: ${selection.platforms.join(',')} ${selection.mobile.config}`);
      }
    }
    assert.deepEqual(seen, ['browser-and-sim: web,android,ios wdio.conf.ts', 'android-emulator: android wdio.android.conf.ts', 'ios-simulator: ios wdio.ios.conf.ts']);
  });

  it('prepares what the recording proxy needs in the emulator and simulator jobs', () => {
    const android = workflow.jobs['android-emulator']!;
    const ios = workflow.jobs['ios-simulator']!;
    for (const [name, job] of [['android-emulator', android], ['ios-simulator', ios]] as const) {
      const run = job.steps.map((step) => step.run ?? '').join('\n');
      assert.match(run, /ensureCertificateAuthority\(\)/, `${name} makes the CA before the run`);
      assert.equal(job.env?.['CONFORMANCE_DEVICE_PROXY'], undefined, `${name} keeps the device proxy on`);
    }
    const emulators = android.steps.filter((step) => step.uses?.startsWith('reactivecircus/android-emulator-runner@'));
    assert.equal(emulators.length, 2);
    for (const step of emulators) assert.match(step.with?.['emulator-options'] ?? '', /(^| )-writable-system( |$)/, `${step.name}: a writable system image`);
    assert.equal(android.env?.['ANDROID_CA_STORE'], 'system');
    assert.ok(Number(android.env?.['EMULATOR_API_LEVEL']) <= 33, 'Android 14+ reads CAs from the Conscrypt APEX, not the system store');
    assert.equal(android.env?.['MOCK_HOST'], undefined, 'adb reverse reaches the proxy on loopback; nothing listens beyond it');
    const script = emulators[1]!.with?.['script'] ?? '';
    assert.ok(script.indexOf('adb remount') >= 0 && script.indexOf('adb remount') < script.indexOf('npm run conformance'), '/system is remounted before the run');
    assert.equal(ios.env?.['IOS_PROXY_SUDO'], '1');
  });
});
