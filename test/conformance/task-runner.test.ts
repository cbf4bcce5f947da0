/**
 * The conformance run as a list of tasks: tasks run in order and tear down last first; a failing
 * task stops the run with its own error and the teardowns still run; a task may stop the run on
 * purpose; and the real task list stops on bad input before the last run's outputs go, running
 * the teardown of a task a flag added.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError, runConformance } from '../../conformance/conformance-run.ts';
import { Reporters } from '../../conformance/reporters/reporter.ts';
import { conformanceTasks, validateInput, type RunTask } from '../../conformance/run-tasks.ts';
import { ConformanceRun, type ConformanceOptions } from '../../conformance/run-state.ts';
import { runTasks, type Task } from '../../conformance/task-runner.ts';

const scratch = mkdtempSync(join(tmpdir(), 'conformance-tasks-'));

/** A task that notes its setup and teardown in `log`; `fails` makes its setup throw that error. */
function noted(log: string[], title: string, behaviour: { fails?: Error; stops?: boolean; teardownFails?: Error } = {}): Task<unknown> {
  return {
    title,
    setup() {
      log.push(`setup ${title}`);
      if (behaviour.fails) throw behaviour.fails;
      return behaviour.stops ? 'stop' : undefined;
    },
    teardown() {
      log.push(`teardown ${title}`);
      if (behaviour.teardownFails) throw behaviour.teardownFails;
    },
  };
}

describe('the task runner', () => {
  it('runs every setup in order, then every teardown last first', async () => {
    const log: string[] = [];
    const end = await runTasks({}, [noted(log, 'a'), { title: 'no teardown', setup: () => void log.push('setup no teardown') }, noted(log, 'b')]);
    assert.equal(end, 'done');
    assert.deepEqual(log, ['setup a', 'setup no teardown', 'setup b', 'teardown b', 'teardown a']);
  });

  it('stops at a failing task with its own error; the started tasks, the failing one included, still tear down', async () => {
    const log: string[] = [];
    const failure = new InputError('--mobile-profile: "nope" is not a profile');
    await assert.rejects(runTasks({}, [noted(log, 'a'), noted(log, 'b', { fails: failure }), noted(log, 'c')]), (error) => error === failure);
    assert.deepEqual(log, ['setup a', 'setup b', 'teardown b', 'teardown a']);
  });

  it("ends early without an error on a task's 'stop', tearing down what started", async () => {
    const log: string[] = [];
    const end = await runTasks({}, [noted(log, 'a'), noted(log, 'b', { stops: true }), noted(log, 'c')]);
    assert.equal(end, 'stopped');
    assert.deepEqual(log, ['setup a', 'setup b', 'teardown b', 'teardown a']);
  });

  it('a failing teardown fails the run, naming its task, and the other teardowns still run', async () => {
    const log: string[] = [];
    await assert.rejects(runTasks({}, [noted(log, 'a'), noted(log, 'proxy', { teardownFails: new Error('port still bound') })]), /teardown of "proxy" failed: port still bound/);
    assert.deepEqual(log, ['setup a', 'setup proxy', 'teardown proxy', 'teardown a']);
  });

  it('a failing setup followed by a failing teardown reports both', async () => {
    const log: string[] = [];
    await assert.rejects(runTasks({}, [noted(log, 'proxy', { teardownFails: new Error('port still bound') }), noted(log, 'b', { fails: new Error('runner would not start') })]), (error: unknown) => {
      assert.ok(error instanceof AggregateError);
      assert.match(error.message, /runner would not start; and 1 teardown\(s\) failed/);
      assert.match(String((error.errors[1] as Error).message), /teardown of "proxy" failed/);
      return true;
    });
  });
});

const mobileOnly = (reportsDir: string, profile: string): ConformanceOptions => ({
  selection: {
    platforms: ['android'],
    checks: ['MOB-LOGOUT-01'],
    web: { subjectModule: 'reference-web-app', variant: undefined, profile: undefined, profileModule: undefined },
    mobile: { config: 'wdio.conf.ts', profile, profileModule: undefined, selectors: undefined, subjectId: undefined },
  },
  expectations: undefined,
  reportsDir,
  repeat: 1,
  allure: false,
  verbose: false,
});

describe("the conformance run's task list", () => {
  it('stops on bad input with an InputError before the last run\'s outputs go', async () => {
    const reports = join(scratch, 'bad-input');
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(reports, 'conformance.json'), '{"from":"the last run"}\n');
    let began = false;
    await assert.rejects(runConformance(mobileOnly(reports, 'no-such-profile'), [{ onBegin: () => void (began = true) }]), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, /--mobile-profile: "no-such-profile" is not a profile of the simulated SDK/);
      return true;
    });
    assert.ok(existsSync(join(reports, 'conformance.json')), 'the last run\'s report is still there');
    assert.equal(began, false, 'no reporter was told the run began');
  });

  it("runs a flag's task after the input is checked and tears it down when a later task fails", async () => {
    const reports = join(scratch, 'flag-task');
    const log: string[] = [];
    const failure = new Error('the terminal is gone');
    const run = new ConformanceRun(mobileOnly(reports, 'correct'), new Reporters([{ onBegin: () => { throw failure; } }]));
    const tasks = conformanceTasks(run);
    assert.equal(tasks[0], validateInput);
    const proxy: RunTask = { title: 'recording proxy', setup: () => void log.push('proxy up'), teardown: () => void log.push('proxy down') };
    tasks.splice(1, 0, proxy);
    await assert.rejects(runTasks(run, tasks), (error) => error === failure);
    assert.deepEqual(log, ['proxy up', 'proxy down']);
    assert.equal(run.subjects[0]?.id.startsWith('intercom-sim@'), true, 'the input task ran first');
    assert.equal(run.rounds.length, 0, 'no runner started');
    assert.equal(run.exitCode, null);
  });

  it('has one round of runner tasks per repeat, then the gate, the reports and the settled result', () => {
    const run = new ConformanceRun({ ...mobileOnly(join(scratch, 'list'), 'correct'), repeat: 2 }, new Reporters([]));
    assert.deepEqual(
      conformanceTasks(run).map((task) => task.title),
      ['validate input', 'prepare outputs', 'report begin', 'round 1', 'mobile checks', 'round 2', 'mobile checks', 'gate', 'report gated', 'settle', 'report end'],
    );
  });
});
