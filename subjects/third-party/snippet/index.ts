/**
 * `snippet`: Intercom's official install snippet on the page of the first seed report (see
 * page.ts), talking to Intercom's real hosts. Its id is `snippet@<SNIPPET_VERSION>`.
 */
import { fileURLToPath } from 'node:url';
import { extname } from 'node:path';
import type { ThirdPartyAppConfig } from '../app-config.ts';
import { configScript, controls, type ThirdPartyPage } from '../page-server.ts';
import { thirdPartySubject } from '../subject-steps.ts';
import { INTERCOM_SNIPPET, SNIPPET_VERSION } from './snippet.ts';

export function snippetPage(config: ThirdPartyAppConfig, appScript: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Intercom install snippet</title>
${configScript(config)}
<script>var APP_ID = ${JSON.stringify(config.appId)};</script>
<script>${INTERCOM_SNIPPET}</script>
</head>
<body data-flow="loading">
  ${controls('Intercom install snippet', 'shutdown + boot on every load')}
  ${appScript}
</body>
</html>`;
}

export const page: ThirdPartyPage = {
  entry: fileURLToPath(new URL(`./page${extname(import.meta.url)}`, import.meta.url)),
  html: snippetPage,
};

export default thirdPartySubject({ name: 'snippet', version: SNIPPET_VERSION, refresh: 'reload', page });
