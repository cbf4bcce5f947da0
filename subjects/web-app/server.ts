import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RunningWebSubject, WebSubjectOptions } from '../../harness/web/subject.ts';
import { APP_VARIANTS, type AppVariant } from './src/config.ts';
import { renderPage } from './src/page.ts';

let bundle: Promise<string> | null = null;

/** The app's script, bundled once per process. */
function appBundle(): Promise<string> {
  bundle ??= build({
    // app.ts here, app.js in the installed package's compiled copy.
    entryPoints: [fileURLToPath(new URL(`./src/app${extname(import.meta.url)}`, import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

/** Serves the reference app on a free loopback port. */
export async function startWebApp(options: WebSubjectOptions): Promise<RunningWebSubject> {
  if (!APP_VARIANTS.includes(options.variant as AppVariant)) {
    throw new Error(`unknown web app variant "${options.variant}"; choose one of ${APP_VARIANTS.join(', ')}`);
  }
  const script = await appBundle();
  const profileModule = options.profileModule ? readFileSync(options.profileModule, 'utf8') : null;
  let url = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    if (path === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(script);
    } else if (path === '/profile-module.js' && profileModule !== null) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(profileModule);
    } else if (path === '/' || path === '/index.html') {
      const widgetQuery = profileModule !== null
        ? `?profile_module=${encodeURIComponent(`${url}/profile-module.js`)}`
        : `?profile=${encodeURIComponent(options.profile)}`;
      const page = renderPage({ mockUrl: options.mockUrl, appId: options.appId, variant: options.variant as AppVariant, widgetQuery, jwtTtlS: options.jwtTtlS, jwtRefreshS: options.jwtRefreshS });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no ${path}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
