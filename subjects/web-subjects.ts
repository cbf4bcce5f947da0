/**
 * The bundled web subjects, one entry each, in the order the command line lists them and the
 * self-test matrix runs their cells: the name `--web-subject` takes, the subject's module (from the
 * code root, without extension; its default export is a WebSubject) and, for a real integration
 * run as it is, its matrix cells with the checks each must fail.
 *
 * Data only, importing nothing: the harness (the subject loader) and the specs (the web matrix)
 * read this list without importing any subject's code, as Appium reads a driver's manifest.
 * Adding a bundled web subject is its folder and one entry here (docs/how-to/add-a-subject.md).
 */
export interface BundledWebSubject {
  /** Its name for `--web-subject`, and in the kill table's cell names. */
  name: string;
  /** Its module, from the code root, without extension. */
  module: string;
  /**
   * Its cells in the web matrix, each against a messenger profile: the checks it must fail (every
   * other check it must pass) and why. The reference app has none here: its variant × profile
   * cells are the fault matrix of specs/web/expected-verdicts.ts.
   */
  cells?: readonly BundledSubjectCell[];
}

export interface BundledSubjectCell {
  /** The local messenger's profile the subject runs against (a real integration talks to Intercom's hosts, answered from the mock). */
  profile: 'correct';
  /** Check IDs the cell must fail by an oracle's verdict; a known failure of the real code, so also in its expectations file. */
  expectedFailures: readonly string[];
  why: string;
}

export const WEB_SUBJECTS: readonly BundledWebSubject[] = [
  { name: 'reference-web-app', module: 'subjects/web-app/index' },
  {
    name: 'snippet',
    module: 'subjects/third-party/snippet/index',
    cells: [{ profile: 'correct', expectedFailures: ['WEB-JWT-REFRESH-01'], why: "the seed report's page fetches a JWT only when it loads and never refreshes it: after 300 s every poll carries an expired JWT" }],
  },
  {
    name: 'messenger-js-sdk',
    module: 'subjects/third-party/messenger-js-sdk/index',
    cells: [{ profile: 'correct', expectedFailures: [], why: '@intercom/messenger-js-sdk 0.0.20 as its README shows: boots from window.intercomSettings, shutdown at logout' }],
  },
  {
    name: 'react-use-intercom@5.8.0',
    module: 'subjects/third-party/react-use-intercom/v5.8.0',
    cells: [{ profile: 'correct', expectedFailures: [], why: 'react-use-intercom 5.8.0 in a React SPA: shutdown deletes window.intercomSettings' }],
  },
  {
    name: 'react-use-intercom@1.5.2',
    module: 'subjects/third-party/react-use-intercom/v1.5.2',
    cells: [{ profile: 'correct', expectedFailures: [], why: "1.5.2 leaves window.intercomSettings after shutdown (PR #481), but the app's visitor boot replaces it before anything reads it" }],
  },
];
