import { resolve } from 'node:path';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { adminRouter } from './admin/admin-router.ts';
import { InvalidRequestError } from './admin/validation.ts';
import { ADMIN_PREFIX, TOKEN_SERVICE_PREFIX } from './constants.ts';
import { routeMobile, routeWeb } from './messenger/endpoints.ts';
import { messengerPipeline } from './messenger/pipeline.ts';
import type { MockState } from './state.ts';
import { tokenServiceRouter } from './token-service.ts';
import type { MockServerOptions } from './types.ts';

/**
 * The express application: messenger surfaces (web, mobile) and the token service speak CORS with
 * credentials to any origin, because subjects run on other loopback origins; the admin API does
 * not, so a page the tester's browser visits cannot reset or read the mock.
 */
export function createApp(state: MockState, options: MockServerOptions, baseUrl: () => string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const crossOrigin = cors({ origin: true, credentials: true, exposedHeaders: ['x-mock-seq'], maxAge: 600 });
  const messengerBody = [
    express.urlencoded({ extended: false, limit: '1mb' }),
    express.json({ limit: '1mb', type: ['application/json', 'text/plain'] }),
  ];

  app.use(cookieParser());
  app.use(ADMIN_PREFIX, adminRouter(state, baseUrl));
  app.use(TOKEN_SERVICE_PREFIX, crossOrigin, tokenServiceRouter(state));
  app.use('/messenger/web', crossOrigin, ...messengerBody, messengerPipeline(state, 'web', routeWeb));
  app.use('/messenger/mobile', crossOrigin, ...messengerBody, messengerPipeline(state, 'mobile', routeMobile));
  for (const route of options.staticRoutes ?? []) {
    if ('dir' in route) app.use(route.path, crossOrigin, express.static(route.dir, { etag: false }));
    else app.use(route.path, crossOrigin, (_req, res) => res.sendFile(resolve(route.file), { etag: false, headers: { 'cache-control': 'no-store' } }));
  }

  app.use((req, res) => {
    res.status(404).json({ error: `no route ${req.method} ${req.path}` });
  });
  app.use(errorHandler(state));
  return app;
}

function errorHandler(state: MockState): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof InvalidRequestError) {
      res.status(400).json({ error: error.message, issues: error.issues });
      return;
    }
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    const message = status < 500 ? `request body could not be read: ${error.message}` : `internal error: ${error?.message ?? error}`;
    if (status >= 500) console.error(error);
    // A messenger request that failed before the pipeline still belongs in the journal.
    const surface = req.path.startsWith('/messenger/web/') ? 'web' : req.path.startsWith('/messenger/mobile/') ? 'mobile' : null;
    if (surface && state.policy.journal) {
      const record = state.journal.append({
        time: new Date(state.clock.nowMs()).toISOString(),
        ns: req.get('x-mock-ns') ?? 'default',
        method: req.method,
        path: req.path,
        platform: surface === 'web' ? 'web' : 'other',
        app_id: null,
        device_id: null,
        user_agent: req.get('user-agent') ?? null,
        user_data: null,
        jwt: null,
        session: null,
        identity: { kind: 'none' },
        served: { user_ids: [] },
        response: { status, error: message },
      });
      res.set('x-mock-seq', String(record.seq));
    }
    if (res.headersSent) return;
    res.status(status).json({ type: 'error.list', errors: [{ code: status < 500 ? 'parameter_invalid' : 'server_error', message }] });
  };
}
