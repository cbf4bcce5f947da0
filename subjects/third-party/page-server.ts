import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, type BuildOptions } from 'esbuild';
import type { RunningWebSubject, WebSubjectOptions } from '../../harness/web/subject.ts';
import type { ThirdPartyAppConfig } from './app-config.ts';

/** One page of a third-party subject: its app script (an entry to bundle) and its HTML. */
export interface ThirdPartyPage {
  /** Absolute path of the browser entry. */
  entry: string;
  /** Extra esbuild options: JSX, an npm alias for a pinned version. */
  buildOptions?: BuildOptions;
  /** The page; `appScript` is the tag loading the bundle. */
  html(config: ThirdPartyAppConfig, appScript: string): string;
}

const bundles = new Map<string, Promise<string>>();

/**
 * The page's script, bundled once per process from the pinned packages in node_modules: esbuild
 * resolves every import locally, so building needs no network. A failure keeps its whole cause.
 */
export function bundlePage(page: ThirdPartyPage): Promise<string> {
  const key = `${page.entry}\0${JSON.stringify(page.buildOptions ?? {})}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = build({
      entryPoints: [page.entry],
      bundle: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      ...page.buildOptions,
    }).then(
      (result) => result.outputFiles![0]!.text,
      (error: Error & { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
        const causes = (error.errors ?? []).map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`);
        throw new Error(`bundling ${page.entry} failed: ${causes.length ? causes.join('; ') : error.message}`);
      },
    );
    bundles.set(key, bundle);
  }
  return bundle;
}

/** The app config a page gets: the run's app id and the app's backend, nothing of Intercom's hosts. */
export function appConfig(options: WebSubjectOptions): ThirdPartyAppConfig {
  return { appId: options.appId, backendUrl: `${options.mockUrl}/app-backend`, jwtTtlS: options.jwtTtlS, jwtRefreshS: options.jwtRefreshS };
}

/** `window.APP_CONFIG = …` as an inline script, safe inside HTML. */
export function configScript(config: ThirdPartyAppConfig): string {
  return `<script>window.APP_CONFIG = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>`;
}

/** The shared controls every third-party page has, with the ids the subject's steps click. */
export function controls(title: string, subtitle: string): string {
  return `<h1>${title} <small>${subtitle}</small></h1>
  <p>Status: <span id="status">Loading…</span></p>
  <p>
    <button id="login-alice">Sign in as alice</button>
    <button id="login-bob">Sign in as bob</button>
    <button id="logout">Log out</button>
    <button id="open-messenger">Open messenger</button>
    <button id="refresh-jwt">Refresh token now</button>
  </p>
  <p>Token refreshes: <span id="refresh-count">0</span></p>`;
}

/**
 * Serves a third-party page on a free loopback port. The variant must be the app's only one; the
 * messenger profile is not the page's business: the harness's routing serves the widget URL with it.
 */
export async function startPage(page: ThirdPartyPage, options: WebSubjectOptions, variants: readonly string[]): Promise<RunningWebSubject> {
  if (!variants.includes(options.variant)) throw new Error(`unknown variant "${options.variant}"; this app has ${variants.join(', ')}`);
  const script = await bundlePage(page);
  const html = page.html(appConfig(options), '<script src="/app.js"></script>');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    if (path === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(script);
    } else if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no ${path}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
