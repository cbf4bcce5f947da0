/** The react-use-intercom SPA (app.ts) as a subject, for one pinned version of the library. */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebSubject } from '../../../harness/web/subject.ts';
import type { ThirdPartyAppConfig } from '../app-config.ts';
import { installedVersion } from '../bundled-package.ts';
import { configScript, type ThirdPartyPage } from '../page-server.ts';
import { thirdPartySubject } from '../subject-steps.ts';

const APP = fileURLToPath(new URL(`./app${extname(import.meta.url)}`, import.meta.url));

function html(title: string) {
  return (config: ThirdPartyAppConfig, appScript: string): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>${configScript(config)}</head>
<body data-flow="loading"><div id="root"></div>${appScript}</body>
</html>`;
}

/**
 * `packageName` is what node_modules calls the pinned version (`react-use-intercom` or an npm
 * alias such as `react-use-intercom-1.5.2`); the app imports `react-use-intercom` either way.
 */
export function reactUseIntercomPage(packageName: string): ThirdPartyPage {
  return {
    entry: APP,
    buildOptions: packageName === 'react-use-intercom' ? {} : { alias: { 'react-use-intercom': packageName } },
    html: html(`react-use-intercom ${installedVersion(packageName)}`),
  };
}

export function reactUseIntercomSubject(packageName: string): WebSubject {
  return thirdPartySubject({ name: 'react-use-intercom', version: installedVersion(packageName), refresh: 'button', page: reactUseIntercomPage(packageName) });
}
