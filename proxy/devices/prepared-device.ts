import type { DeviceCommands } from './device-commands.ts';
import { runRestorePlan, type RestorePlan } from './restore-plan.ts';

/** A device set up to use the recording proxy, and the way back. */
export interface PreparedDevice {
  platform: 'android' | 'ios';
  /** The adb serial or the simulator's UDID. */
  id: string;
  /** What `restore()` runs, in order. */
  plan: RestorePlan;
  /** Undoes the set-up; runs once however often it is called; throws DeviceRestoreError naming what is left. */
  restore(): Promise<void>;
}

export function preparedDevice(platform: PreparedDevice['platform'], id: string, plan: RestorePlan, commands: DeviceCommands, log: (line: string) => void): PreparedDevice {
  let restored: Promise<void> | undefined;
  return { platform, id, plan: [...plan], restore: () => (restored ??= runRestorePlan(plan, commands, log)) };
}
