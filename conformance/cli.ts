/**
 * `npm run conformance` (installed: `npx intercom-identity-conformance`): the conformance run
 * (default), the self-test matrix (--matrix), or `init` (a starter subject, expectations/ and a CI
 * workflow for a team's repository). See `--help`.
 */
import { CommanderError } from 'commander';
import { EXIT } from '../harness/exit-codes.ts';
import { InputError, runConformance } from './conformance-run.ts';
import { withLiveWorkspace } from './live-mode.ts';
import { runInit } from './init.ts';
import { checkList, conformanceProgram, runSelection, type CliOptions } from './program.ts';
import { runMatrix } from './self-test-matrix.ts';
import type { RunSelection } from './types.ts';

async function main(argv: string[]): Promise<number> {
  if (argv[2] === 'init') return runInit(argv.slice(3));
  const program = conformanceProgram();
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    throw error;
  }
  const options = program.opts<CliOptions>();
  if (options.list) {
    console.log(checkList());
    return EXIT.ok;
  }
  let selection;
  try {
    selection = runSelection(options);
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n(run with --help for usage)`);
    return EXIT.badInput;
  }
  if (options.matrix) {
    // A missed fault, a false alarm or an error in the matrix: exit 1, as for the conformance run.
    const matrix = await runMatrix({ platforms: selection.platforms, reportsDir: options.reports, verbose: Boolean(options.verbose), webSubjectModule: options.webSubject });
    return matrix === 'no-browser' ? EXIT.noBrowser : matrix > 0 ? EXIT.unexpected : EXIT.ok;
  }
  if (options.live) return withLiveWorkspace(options.liveUpstream, () => conformanceRun(options, selection));
  return conformanceRun(options, selection);
}

async function conformanceRun(options: CliOptions, selection: RunSelection): Promise<number> {
  try {
    const outcome = await runConformance({ selection, expectations: options.expectations, reportsDir: options.reports, repeat: options.repeat, allure: options.allure, verbose: Boolean(options.verbose) });
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`error: ${error.message}`);
      return EXIT.badInput;
    }
    // The harness itself failed (a runner would not start, a report could not be written): not a verdict.
    console.error(`harness failure: ${(error as Error).stack ?? String(error)}`);
    return EXIT.harnessFailure;
  }
}

process.exitCode = await main(process.argv);
