/** The exit codes of the project's commands (conformance run, matrix, browser set-up). */
export const EXIT = {
  /** Every verdict as expected. */
  ok: 0,
  /** A verdict not as expected: an unexpected failure or pass, an error, a changed verdict. */
  unexpected: 1,
  /** Input the run cannot work with (a flag, a file, a subject): nothing ran, earlier reports stay. */
  badInput: 2,
  /** The harness itself failed (a runner would not start, a report could not be written). */
  harnessFailure: 3,
  /** The web checks have no browser and none could be obtained: the line printed says what to install. */
  noBrowser: 4,
} as const;
