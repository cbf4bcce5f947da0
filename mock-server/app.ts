import { resolve } from 'node:path';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { adminRouter } from './admin/admin-router.ts';
import { adminRequestGuard } from './admin/request-guard.ts';
import { InvalidRequestError } from './admin/validation.ts';
import { ADMIN_PREFIX, MESSENGER_BODY_LIMIT, TOKEN_SERVICE_PREFIX } from './constants.ts';
import { routeMobile, routeWeb } from './messenger/endpoints.ts';
import { addressedToIntercom } from './messenger/delivery.ts';
import { headerSizeLimit, messengerErrorHandler } from './messenger/last-resort.ts';
import { messengerPipeline } from './messenger/pipeline.ts';
import type { MockState } from './state.ts';
import { restApiRouter } from './rest-api/rest-api-router.ts';
import { tokenServiceRouter } from './token-service.ts';
import type { MockServerOptions } from './types.ts';

/**
 * The express application: messenger surfaces (web, mobile) and the token service speak CORS with
 * credentials to any origin, because subjects run on other origins; the admin API does not, and
 * its guard refuses foreign Hosts, foreign Origins and non-JSON bodies, so a page the tester's
 * browser visits cannot reset or read the mock.
 */
export function createApp(state: MockState, options: MockServerOptions, baseUrl: () => string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const crossOrigin = cors({ origin: true, credentials: true, exposedHeaders: ['x-mock-seq'], maxAge: 600 });
  // Raw bytes: the pipeline reads form or JSON by content, whatever the Content-Type claims.
  const messengerBody = express.raw({ type: () => true, limit: MESSENGER_BODY_LIMIT });

  app.use(cookieParser());
  app.use(ADMIN_PREFIX, adminRequestGuard(adminHosts(options)), adminRouter(state, baseUrl));
  app.use(TOKEN_SERVICE_PREFIX, crossOrigin, tokenServiceRouter(state));
  app.use('/messenger/web', crossOrigin, headerSizeLimit, messengerBody, messengerPipeline(state, 'web', routeWeb), messengerErrorHandler(state, 'web'));
  app.use('/messenger/mobile', crossOrigin, headerSizeLimit, messengerBody, messengerPipeline(state, 'mobile', routeMobile), messengerErrorHandler(state, 'mobile'));
  if (options.restApi) app.use(restApiRouter(state, options.restApi.accessToken));
  for (const route of options.staticRoutes ?? []) {
    if ('dir' in route) app.use(route.path, crossOrigin, express.static(route.dir, { etag: false }));
    else app.use(route.path, crossOrigin, (_req, res) => res.sendFile(resolve(route.file), { etag: false, headers: { 'cache-control': 'no-store' } }));
  }

  // Whatever else a page sent to one of Intercom's hosts (the browser routing stamps those): journaled
  // through the messenger pipeline, tokens judged, and answered 404 "not modelled", so nothing goes unseen.
  const unmodelled = express.Router().use(crossOrigin, headerSizeLimit, messengerBody, messengerPipeline(state, 'web', () => null), messengerErrorHandler(state, 'web'));
  app.use((req, res, next) => (addressedToIntercom(req) ? unmodelled(req, res, next) : next()));
  app.use((req, res) => {
    res.status(404).json({ error: `no route ${req.method} ${req.path}` });
  });
  app.use(errorHandler());
  return app;
}

/** Host names the admin API answers besides loopback: the configured ones and the bound address, unless a wildcard. */
function adminHosts(options: MockServerOptions): string[] {
  const bound = options.host && !['0.0.0.0', '::', '[::]'].includes(options.host) ? [options.host] : [];
  return [...(options.allowedHosts ?? []), ...bound];
}

/** Admin and token-service errors: a 400 naming the fields, or a JSON error, never an HTML page. */
function errorHandler(): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    // Half an answer must not look whole, nor hang: end the connection, as express's default does.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof InvalidRequestError) {
      res.status(400).json({ error: error.message, issues: error.issues });
      return;
    }
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message = status < 500 ? `request body could not be read: ${error.message}` : `internal error: ${error?.message ?? error}`;
    if (status >= 500) console.error(error);
    res.status(status).json({ error: message });
  };
}
