import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { ProblemError, ServerCodes } from '../problem.js';

/**
 * `GET /health` (the process answers) and `GET /ready` (the store answers too), for load balancers and
 * orchestrators.
 *
 * @example
 * // curl localhost:3000/ready  ->  {"status":"ready"}
 * app.route('/', healthRoutes(deps));
 */
export function healthRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }, 200));
  app.get('/ready', async (c) => {
    try {
      await deps.ping();
    } catch {
      throw new ProblemError(503, ServerCodes.notReady, 'The store does not answer.');
    }
    return c.json({ status: 'ready' }, 200);
  });
  return app;
}
