import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps.js';
import { errorResponse } from './error-response.js';
import { rateLimit } from './middleware/rate-limit.js';
import { problem, ServerCodes } from './problem.js';
import { challengeRoutes } from './routes/challenges.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { insightsRoutes } from './routes/insights.js';
import { issueRoutes } from './routes/issue.js';
import { issuerRoutes } from './routes/issuers.js';
import { matchRoutes } from './routes/match.js';
import { pageRoutes } from './routes/page.js';
import { statusListRoutes } from './routes/status-lists.js';
import { verifyRoutes } from './routes/verify.js';

/** The default request body limit: credentials and passports are small, a baked image a little bigger. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Routes that do real work per request (signatures, database writes) and so are rate limited. */
const LIMITED_PATHS = [
  '/credentials/verify',
  '/presentations/verify',
  '/passport/match',
  '/verify-page',
  '/challenges',
  '/credentials/issue',
  '/credentials/status',
];

/**
 * Builds the service from injected dependencies: no environment, no port, no global state, so tests call
 * `app.request()` in-process and several apps can share one store.
 *
 * @example
 * const app = createApp({ verify: createVerifier(), publicUrl, challenges: store, ping: () => store.ping() });
 * const response = await app.request('/health');
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.use('*', requestId());
  if (deps.log) {
    const log = deps.log;
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      log({
        time: new Date().toISOString(),
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    });
  }
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use(
      '*',
      cors({ origin: deps.corsOrigins, allowHeaders: ['Content-Type', 'Authorization', 'If-None-Match'] }),
    );
  }
  app.use(
    '*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) =>
        problem(
          c,
          413,
          ServerCodes.bodyTooLarge,
          `The body is larger than ${deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes.`,
        ),
    }),
  );

  if (deps.rateLimit) {
    const limited = rateLimit({ limit: deps.rateLimit.perMinute, clientKey: deps.rateLimit.clientKey });
    for (const path of LIMITED_PATHS) app.post(path, limited);
  }

  app.route('/', healthRoutes(deps));
  app.route('/', verifyRoutes(deps));
  app.route('/', challengeRoutes(deps));
  app.route('/', issueRoutes(deps));
  app.route('/', statusListRoutes(deps));
  app.route('/', matchRoutes(deps));
  app.route('/', docsRoutes(deps.publicUrl));
  app.route('/', pageRoutes(deps));
  app.route('/', issuerRoutes(deps));
  app.route('/', insightsRoutes(deps.insights));

  app.notFound((c) => problem(c, 404, ServerCodes.notFound, `Nothing at ${c.req.method} ${c.req.path}.`));
  app.onError((error, c) => errorResponse(error, c, deps.onInternalError));
  return app;
}
