import { EXIT } from '../harness/exit-codes.ts';
import { LiveSettingsError, RestApiError, startLiveRun } from '../harness/live-run.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * `--live`: plants the test users in the workspace once, runs with the variables that turn every
 * mock of the run into a relay, and removes what it planted however the run ends (an interrupt
 * included). A missing secret or token, or one the workspace refuses, is bad input (exit 2) and
 * nothing runs.
 */
export async function withLiveWorkspace(upstream: string | undefined, run: () => Promise<number>): Promise<number> {
  let live;
  try {
    live = await startLiveRun(upstream);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    const refused = error instanceof RestApiError && (error.status === 401 || error.status === 403);
    return error instanceof LiveSettingsError || refused ? EXIT.badInput : EXIT.harnessFailure;
  }
  Object.assign(process.env, live.env);
  const interrupted = (signal: NodeJS.Signals): void => {
    void live.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  for (const signal of SIGNALS) process.once(signal, interrupted);
  const code = await run();
  for (const signal of SIGNALS) process.off(signal, interrupted);
  try {
    await live.stop();
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return code === EXIT.ok ? EXIT.harnessFailure : code;
  }
  return code;
}
