import type { DeviceCommands, DeviceTool } from './device-commands.ts';

/** One command that undoes one set-up step. Plain data, so a plan can be written to a file and run by another process. */
export interface RestoreStep {
  tool: DeviceTool;
  args: string[];
  /** What the step undoes, for the log and the error when it fails. */
  undoes: string;
}

/** The commands that put a device back, in the order they run (the last set-up step is undone first). */
export type RestorePlan = RestoreStep[];

/** Some restore steps failed; every step was still attempted. */
export class DeviceRestoreError extends Error {
  constructor(readonly failures: string[]) {
    super(`device restore was incomplete; undo these by hand:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    this.name = 'DeviceRestoreError';
  }
}

/** Runs every step of a plan, each whatever became of the one before, and throws at the end if any failed. */
export async function runRestorePlan(plan: RestorePlan, commands: DeviceCommands, log: (line: string) => void): Promise<void> {
  const failures: string[] = [];
  for (const step of plan) {
    log(`restore: ${step.undoes}`);
    try {
      const result = await commands.attempt(step.tool, step.args);
      if (result.code !== 0) failures.push(`${step.undoes}: ${[step.tool, ...step.args].join(' ')} exited ${result.code}`);
    } catch (error) {
      failures.push(`${step.undoes}: ${(error as Error).message}`);
    }
  }
  if (failures.length) throw new DeviceRestoreError(failures);
}

/**
 * Builds a set-up one step at a time: each step that succeeds adds its undo to the front of the
 * plan (and reports the plan, so a caller can keep it where a crash cannot lose it). When a step
 * fails, what was done so far is undone before the error goes on.
 */
export class SetupSteps {
  readonly plan: RestorePlan = [];

  constructor(
    private readonly commands: DeviceCommands,
    private readonly log: (line: string) => void,
    private readonly onPlan: (plan: RestorePlan) => void = () => {},
  ) {}

  /** Records an undo for something already done. */
  undoLater(step: RestoreStep): void {
    this.plan.unshift(step);
    this.onPlan([...this.plan]);
  }

  /** Runs `work`; on failure restores what earlier steps did and rethrows the failure. */
  async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.log(`set-up failed (${(error as Error).message}); undoing what was done`);
      try {
        await runRestorePlan(this.plan, this.commands, this.log);
      } catch (restoreError) {
        this.log((restoreError as Error).message);
      }
      this.plan.length = 0;
      this.onPlan([]);
      throw error;
    }
  }
}
