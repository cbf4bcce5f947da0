/**
 * A run as a list of small named tasks over one state object, in the manner of Playwright's
 * runner (packages/playwright/src/runner/taskRunner.ts): each task's `setup` runs in order; a task
 * that throws stops the run, and every task whose setup started has its `teardown` run, last
 * first, whether the run went through or not. A setup may return 'stop' to end the run early
 * without an error (the browser is missing, say): later tasks are skipped, teardowns still run.
 */
export interface Task<State> {
  title: string;
  setup?(state: State): Promise<TaskEnd> | TaskEnd;
  teardown?(state: State): Promise<void> | void;
}

export type TaskEnd = void | 'stop';

/** How a task list ended: every task ran, or one stopped the run on purpose. */
export type TaskRunEnd = 'done' | 'stopped';

/**
 * Runs the tasks against `state`. Rethrows a failing setup's own error (so the caller can tell
 * an InputError from a harness failure) once the teardowns have run; a failing teardown fails
 * the run too, but never keeps the other teardowns from running.
 */
export async function runTasks<State>(state: State, tasks: readonly Task<State>[]): Promise<TaskRunEnd> {
  const started: Task<State>[] = [];
  let end: TaskRunEnd = 'done';
  let setupError: { error: unknown } | null = null;
  for (const task of tasks) {
    started.push(task);
    try {
      if ((await task.setup?.(state)) === 'stop') {
        end = 'stopped';
        break;
      }
    } catch (error) {
      setupError = { error };
      break;
    }
  }
  const teardownErrors: unknown[] = [];
  for (const task of started.reverse()) {
    try {
      await task.teardown?.(state);
    } catch (error) {
      teardownErrors.push(new Error(`teardown of "${task.title}" failed: ${(error as Error).message ?? String(error)}`, { cause: error }));
    }
  }
  if (setupError && teardownErrors.length === 0) throw setupError.error;
  if (setupError) throw new AggregateError([setupError.error, ...teardownErrors], `${(setupError.error as Error).message}; and ${teardownErrors.length} teardown(s) failed after it`);
  if (teardownErrors.length === 1) throw teardownErrors[0];
  if (teardownErrors.length > 1) throw new AggregateError(teardownErrors, `${teardownErrors.length} teardowns failed`);
  return end;
}
