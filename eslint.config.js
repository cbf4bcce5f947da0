// The rooms of docs/architecture.md ("Rooms and what each may import") are import boundaries,
// written here once as allow-lists, in the manner of Playwright's per-folder DEPS.list: each room
// names the rooms (or single files) and the packages it may import; everything else is refused,
// and a linted file in no room is an error, so a new folder must be placed. The table in
// docs/architecture.md is generated from ROOMS (test/docs/rooms-table.test.ts keeps them equal;
// `npx tsx scripts/rooms-table.ts --write` rewrites it).
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * One room: `room` is a folder (ending in `/`) or top-level files (a glob); `mayImport` lists
 * rooms by name (the whole room) or one file of a room (`mock-server/index.ts`: its public index
 * only); `packages` lists npm packages (`@wdio/*` for a scope). Node's built-ins (`node:*`) are
 * open to every room. A more specific room (`harness/web/`) comes before the one holding it.
 * `'*'` means anything (tests only).
 */
export const ROOMS = [
  { room: 'mock-server/', is: 'the Intercom model: messenger endpoints, JWT extraction and verification, sessions, workspace, journal, admin API, token service, CLI; knows no test runner', mayImport: ['mock-server/'], packages: ['express', 'cors', 'cookie-parser', 'jose', 'zod', 'commander'] },
  { room: 'proxy/wdio/', is: "the recording proxy's WDIO service: device set-up around a session", mayImport: ['proxy/wdio/', 'proxy/', 'mock-server/index.ts'], packages: ['mockttp', '@wdio/*', 'webdriverio'] },
  { room: 'proxy/', is: "the recording proxy (mockttp) in front of the mock, for a device's real traffic", mayImport: ['proxy/', 'mock-server/index.ts'], packages: ['mockttp', '@peculiar/x509', 'commander'] },
  { room: 'harness/oracles/', is: 'the oracles: verdicts over journal records, client state and visible text', mayImport: ['harness/oracles/', 'harness/result.ts', 'mock-server/'], packages: [] },
  { room: 'harness/self-test/', is: "the self-test matrix's judging and report", mayImport: ['harness/self-test/', 'harness/result.ts'], packages: [] },
  { room: 'harness/web/', is: 'the Playwright side: fixtures, browser routing, web session, subject interface and loader, evidence, results', mayImport: ['harness/web/', 'harness/', 'harness/oracles/', 'harness/self-test/', 'mock-server/', 'subjects/web-subjects.ts'], packages: ['@playwright/test', 'allure-js-commons'] },
  { room: 'harness/mobile/', is: 'the WDIO side: launcher service, mobile session, subject interface, selectors, evidence, results reporter', mayImport: ['harness/mobile/', 'harness/', 'harness/oracles/', 'harness/self-test/', 'mock-server/', 'proxy/index.ts'], packages: ['@wdio/*', 'webdriverio', 'zod'] },
  { room: 'harness/', is: 'what specs judge with: admin client, check definitions, matchers, diagnosis, JWT timeline, code root, the package entry; never a subject (subjects load at run time by path, through the subject interfaces)', mayImport: ['harness/', 'harness/oracles/', 'harness/web/subject.ts', 'harness/mobile/subject.ts', 'mock-server/'], packages: [] },
  { room: 'specs/web/', is: 'the web checks (Playwright specs) and the web expected-verdict table', mayImport: ['specs/web/', 'specs/', 'harness/web/', 'harness/', 'subjects/web-subjects.ts'], packages: [] },
  { room: 'specs/mobile/', is: 'the mobile checks (WDIO specs), screen objects and the mobile expected-verdict table', mayImport: ['specs/mobile/', 'specs/', 'harness/mobile/', 'harness/'], packages: ['@wdio/globals'] },
  { room: 'specs/', is: 'the check catalogue (specs/checks.ts)', mayImport: ['specs/', 'harness/'], packages: [] },
  { room: 'conformance/', is: 'the command line: selection, runner processes, gate, verdict table, reports, Allure, repeats, self-test matrix; Playwright and WDIO run as child processes, not imported', mayImport: ['conformance/', 'harness/', 'harness/oracles/', 'harness/self-test/', 'harness/web/', 'harness/mobile/', 'specs/', 'specs/web/', 'specs/mobile/'], packages: ['commander', 'zod'] },
  { room: 'subjects/web-subjects.ts', is: 'the list of bundled web subjects: name, module, matrix cells; data only, so the harness and the specs read it without importing a subject', mayImport: [], packages: [] },
  { room: 'subjects/web-messenger/', is: 'the local web messenger and its profiles, built for the page; speaks to the mock over HTTP only', mayImport: ['subjects/web-messenger/'], packages: ['@playwright/test', 'esbuild'] },
  { room: 'subjects/web-app/', is: 'the reference web app and its variants', mayImport: ['subjects/web-app/', 'subjects/web-messenger/', 'harness/web/'], packages: ['@playwright/test', 'esbuild'] },
  { room: 'subjects/third-party/', is: 'real integrations pinned from npm: the install snippet, messenger-js-sdk, react-use-intercom', mayImport: ['subjects/third-party/', 'subjects/web-messenger/', 'harness/web/', 'harness/'], packages: ['@playwright/test', 'esbuild', '@intercom/messenger-js-sdk', 'react', 'react-dom', 'react-use-intercom', 'react-use-intercom-1.5.2'] },
  { room: 'subjects/steps-app/', is: "the adapter that makes a team's app at --web-url a subject from its steps file", mayImport: ['subjects/steps-app/', 'subjects/web-messenger/', 'harness/web/'], packages: ['@playwright/test'] },
  { room: 'subjects/mobile-sim/', is: 'the simulated device: an Appium driver (IntercomSim) and its SDK profiles; speaks to the mock over HTTP, or HTTPS through the recording proxy; knows no harness', mayImport: ['subjects/mobile-sim/'], packages: ['appium', '@appium/*', 'esbuild', '@xmldom/xmldom', 'undici', 'xpath'] },
  { room: 'examples/', is: "what a team copies: a web app with Intercom's snippet and its steps file; only what the package exports (in a team's repository, 'intercom-identity-conformance/web')", mayImport: ['examples/', 'harness/web/index.ts'], packages: ['jose'] },
  { room: 'scripts/', is: "the project's own scripts: npm test, test:unit, the rooms table", mayImport: ['scripts/', 'eslint.config.js'], packages: [] },
  { room: 'bench/', is: 'npm run bench:mock', mayImport: ['bench/', 'mock-server/', 'harness/'], packages: ['autocannon', 'commander'] },
  { room: 'test/', is: "the project's own tests (node:test, one folder per room)", mayImport: ['*'], packages: ['*'] },
  { room: '{playwright.config.ts,wdio.conf.ts,wdio.*.conf.ts}', is: 'the runner configs: they wire the rooms together', mayImport: ['{playwright.config.ts,wdio.conf.ts,wdio.*.conf.ts}', 'harness/', 'harness/web/', 'harness/mobile/', 'specs/web/', 'specs/mobile/', 'proxy/wdio/index.ts'], packages: ['@playwright/test', '@wdio/*'] },
  { room: 'eslint.config.js', is: 'the lint config: the rooms as rules', mayImport: [], packages: ['eslint-plugin-boundaries', 'typescript-eslint'] },
];

const isFolderRoom = (room) => room.endsWith('/');

/** Who a policy is about: a folder room is an element, a room of top-level files a file category. */
const inRoom = (room) => (isFolderRoom(room) ? { element: { type: room } } : { file: { categories: room } });

/** A mayImport entry as a boundaries selector: the whole room, or one file of a folder room. */
function target(entry) {
  if (entry === '*') return [{ element: { type: '**' } }, { file: { categories: '**' } }];
  if (ROOMS.some((candidate) => candidate.room === entry)) return [inRoom(entry)];
  const holder = ROOMS.find((candidate) => isFolderRoom(candidate.room) && entry.startsWith(candidate.room));
  if (!holder) throw new Error(`eslint.config.js: mayImport names "${entry}", which is in no room of ROOMS; add the room or fix the name`);
  return [{ element: { type: holder.room, fileInternalPath: entry.slice(holder.room.length) } }];
}

/** What a refused import is told: who may not import what, and where to allow it if it should be. */
const REFUSED = [
  'room {{#if from.type}}{{{from.type}}}{{else}}{{{from.file.categories.[0]}}}{{/if}} may not import "{{{dependency.source}}}"',
  ' ({{#if to.type}}room {{{to.type}}}{{else if to.module.source}}package {{{to.module.source}}}{{else}}a file in no room{{/if}}):',
  " it is not in the room's allow-list. If it should be, add it to the room's mayImport or packages in eslint.config.js ROOMS",
  ' and run `npx tsx scripts/rooms-table.ts --write` (docs/architecture.md, "Rooms").',
].join('');

const policies = ROOMS.flatMap(({ room, mayImport, packages }) => [
  ...(mayImport.length ? [{ from: inRoom(room), allow: { to: mayImport.flatMap(target) } }] : []),
  ...(packages.length ? [{ from: inRoom(room), allow: { to: { module: { origin: 'external', source: packages.map((name) => (name === '*' ? '**' : name)) } } } }] : []),
]);

export default tseslint.config(
  { ignores: ['node_modules/', 'test/fixtures/steps/broken.ts', 'test/fixtures/boundaries/', 'reports/', 'dist/', 'subjects/**/dist/', '**/*.js', '!eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // eslint-plugin-boundaries: rooms as elements, `dependencies` with default "disallow" (an
    // allow-list, packages included: checkAllOrigins), and no-unknown-files for a file in no room.
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ROOMS.filter(({ room }) => isFolderRoom(room)).map(({ room }) => ({ type: room, pattern: `${room}**`, partialMatch: false })),
      'boundaries/files': ROOMS.filter(({ room }) => !isFolderRoom(room)).map(({ room }) => ({ category: room, pattern: room, partialMatch: false })),
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        checkAllOrigins: true,
        checkUnknownLocals: true,
        message: REFUSED,
        policies: [
          { allow: { to: { module: { origin: 'core' } } } },
          ...policies,
        ],
      }],
    },
  },
);
