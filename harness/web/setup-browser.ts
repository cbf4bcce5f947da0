/**
 * `npm run setup:browser`: makes sure the web checks have a Chromium, obtaining one when there is
 * none (see obtainBrowser). `npm run conformance` and `npm test` run it first. Exit 0 with the
 * browser's path on the last line, or EXIT.noBrowser with one line saying what to install.
 */
import { EXIT } from '../exit-codes.ts';
import { obtainBrowser } from './browser-setup.ts';

const SOURCE_LABEL = { CHROMIUM_PATH: 'CHROMIUM_PATH', playwright: "Playwright's Chromium", system: "the system's Chromium" } as const;

const result = await obtainBrowser({
  env: process.env,
  isRoot: process.getuid?.() === 0,
  platform: process.platform,
  log: (line) => console.log(line),
});
if (result.ok) {
  const how = result.obtained === 'already-there' ? '' : result.obtained === 'os-package' ? ' (just installed from the OS packages)' : " (just downloaded by Playwright)";
  console.log(`browser: ${SOURCE_LABEL[result.browser.source]} ${result.browser.executablePath}${how}`);
} else {
  console.error(result.instruction);
  process.exitCode = EXIT.noBrowser;
}
