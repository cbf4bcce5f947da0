// The rooms of docs/architecture.md are import boundaries, enforced here (in the manner of
// Playwright's per-folder import rules): the mock knows no test runner, the harness knows no
// subject, specs reach subjects only through the harness's subject interface, and the
// conformance run (conformance/) drives the runners as processes.
import tseslint from 'typescript-eslint';

const RUNNERS = ['@playwright/*', 'playwright', 'playwright-core', 'webdriverio', '@wdio/*', 'appium', 'appium/*', '@appium/*', 'allure-*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'test/fixtures/steps/broken.ts', 'reports/', 'dist/', 'subjects/**/dist/', '**/*.js', '!eslint.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['mock-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: RUNNERS, message: 'mock-server/ knows nothing of test runners or browsers (docs/architecture.md, "Rooms").' },
          { group: ['**/harness/*', '**/specs/*', '**/subjects/*'], message: 'mock-server/ stands alone; other rooms depend on it, not the reverse.' },
        ],
      }],
    },
  },
  {
    files: ['harness/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/subjects/*', '**/subjects/**'], message: 'harness/ never imports a subject; subjects plug in through the subject interface.' }],
      }],
    },
  },
  {
    // The conformance run drives the runners as processes and reads what they write; it judges
    // with harness/ and names checks from specs/, and never reaches into a subject.
    files: ['conformance/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: RUNNERS.filter((pattern) => pattern !== 'allure-*'), message: 'conformance/ runs Playwright and WDIO as child processes; it imports neither.' },
          { group: ['**/subjects/*', '**/subjects/**', '**/mock-server/*', '**/mock-server/**'], message: 'conformance/ reaches subjects and the mock only through harness/ and the runners.' },
        ],
      }],
    },
  },
  {
    // An example is what a team copies: it uses only what the package exports (here by relative
    // path to harness/web/index.ts, in a team's repository 'intercom-identity-conformance/web').
    files: ['examples/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/subjects/*', '**/subjects/**', '**/mock-server/*', '**/mock-server/**', '**/specs/*', '**/conformance/*', '**/harness/*/*', '!**/harness/web/index.ts'], message: 'examples/ use only what the package exports (intercom-identity-conformance/web).' }],
      }],
    },
  },
  {
    // The recording proxy stands beside the mock: it uses the mock's public index (its host list
    // and stamp names) and nothing of the runners, the harness or the subjects.
    files: ['proxy/**/*.ts'],
    ignores: ['proxy/wdio/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: RUNNERS, message: 'proxy/ knows nothing of test runners or browsers.' },
          { group: ['**/harness/*', '**/harness/**', '**/specs/*', '**/specs/**', '**/subjects/*', '**/subjects/**', '**/conformance/*', '**/conformance/**'], message: 'proxy/ stands alone beside the mock; other rooms depend on it, not the reverse.' },
          { group: ['**/mock-server/**', '!**/mock-server/index.ts'], message: "proxy/ uses only mock-server's public index (mock-server/index.ts)." },
        ],
      }],
    },
  },
  {
    // proxy/wdio/ wires device set-up into WDIO (a service, like @wdio/appium-service): it may use
    // webdriverio and @wdio/*, and otherwise keeps to the proxy room's limits.
    files: ['proxy/wdio/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: RUNNERS.filter((pattern) => pattern !== 'webdriverio' && pattern !== '@wdio/*'), message: 'proxy/wdio/ knows WDIO only.' },
          { group: ['**/harness/*', '**/harness/**', '**/specs/*', '**/specs/**', '**/subjects/*', '**/subjects/**', '**/conformance/*', '**/conformance/**'], message: 'proxy/ stands alone beside the mock; other rooms depend on it, not the reverse.' },
          { group: ['**/mock-server/**', '!**/mock-server/index.ts'], message: "proxy/ uses only mock-server's public index (mock-server/index.ts)." },
        ],
      }],
    },
  },
  {
    files: ['specs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/subjects/*', '**/subjects/**', '**/mock-server/*', '**/mock-server/**'], message: 'specs reach subjects and the mock only through harness/ (fixtures, subject interface, admin client).' }],
      }],
    },
  },
);
