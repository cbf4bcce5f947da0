/** `messenger-js-sdk@<installed version>`: Intercom's own npm package in a plain single-page app (app.js). */
import { fileURLToPath } from 'node:url';
import type { ThirdPartyAppConfig } from '../app-config.ts';
import { installedVersion } from '../bundled-package.ts';
import { configScript, controls, type ThirdPartyPage } from '../page-server.ts';
import { thirdPartySubject } from '../subject-steps.ts';

export const PACKAGE = '@intercom/messenger-js-sdk';

function html(config: ThirdPartyAppConfig, appScript: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${PACKAGE}</title>${configScript(config)}</head>
<body data-flow="loading">
  ${controls(PACKAGE, installedVersion(PACKAGE))}
  ${appScript}
</body>
</html>`;
}

export const page: ThirdPartyPage = { entry: fileURLToPath(new URL('./app.js', import.meta.url)), html };

export default thirdPartySubject({ name: 'messenger-js-sdk', version: installedVersion(PACKAGE), refresh: 'button', page });
