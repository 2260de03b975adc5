import {
  DEFAULT_INSIGHTS_K,
  type DemandProfile,
  InsightsError,
  type InsightsSource,
  MIN_INSIGHTS_K,
  skillsSupply,
} from '@skills-passport/store';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ApiKeyRing } from '../api-keys.js';
import { insightsView } from '../page/insights-view.js';
import { layout } from '../page/layout.js';
import { ProblemError, ServerCodes } from '../problem.js';

/** What the insights routes are built from (`AppDeps.insights`). */
export interface InsightsDeps {
  /** The issuance log and status lists (the store). */
  source: InsightsSource;
  /** Partnership members' keys (`SKILLS_PASSPORT_PARTNER_KEYS`), separate from the issuers' keys. */
  partnerKeys: ApiKeyRing;
  /** The smallest k a caller may ask for (default 10; never below 5). Callers may only ask for more. */
  k?: number;
  /** The demand profile of an area (`null`: all areas), when the deployment has one. */
  demandFor?: (area: string | null) => Promise<DemandProfile | undefined>;
}

/** Codes only these routes answer with (beside `api-key-missing` / `api-key-invalid`). */
export const InsightsRouteCodes = {
  unavailable: 'insights-unavailable',
} as const;

/**
 * Anonymised skills-supply insights for partnership members: `GET /insights?area=&from=&to=[&k=]` (JSON, see
 * docs/insights.md) and `GET /insights/page` (the same as HTML with SVG charts, no script needed). Both need a
 * partner key, as `Authorization: Bearer <key>` or, so a browser can ask for it without script, HTTP Basic
 * with the key as password. 503 `insights-unavailable` when the service has no partner keys configured.
 *
 * @example
 * app.route('/', insightsRoutes(deps.insights));
 * // curl -H "Authorization: Bearer $KEY" 'localhost:3000/insights?area=E08000035&from=2026-01&to=2026-12'
 */
export function insightsRoutes(deps: InsightsDeps | undefined): Hono {
  const app = new Hono();
  const floor = Math.max(MIN_INSIGHTS_K, deps?.k ?? DEFAULT_INSIGHTS_K);

  // Browsers only prompt for credentials on a Basic challenge, so the page sends that one first.
  const apiChallenges = ['Bearer realm="skills-passport-insights"', 'Basic realm="skills-passport-insights"'];
  const apiGuard = guard(apiChallenges);
  const pageGuard = guard([...apiChallenges].reverse());

  function guard(challenges: string[]) {
    return createMiddleware(async (c, next) => {
      if (!deps || deps.partnerKeys.size === 0) {
        throw new ProblemError(
          503,
          InsightsRouteCodes.unavailable,
          'Insights are not configured on this service.',
        );
      }
      const key = presentedKey(c.req.header('authorization') ?? '');
      if (key === undefined) {
        for (const challenge of challenges) c.header('WWW-Authenticate', challenge, { append: true });
        throw new ProblemError(
          401,
          ServerCodes.apiKeyMissing,
          'Send a partnership key as Authorization: Bearer <key> (or HTTP Basic with the key as password).',
        );
      }
      if (!deps.partnerKeys.issuerFor(key)) {
        for (const challenge of challenges) c.header('WWW-Authenticate', challenge, { append: true });
        throw new ProblemError(401, ServerCodes.apiKeyInvalid, 'The partnership key is not valid.');
      }
      c.header('Cache-Control', 'private, no-store');
      await next();
    });
  }

  async function report(query: Record<string, string | undefined>) {
    const { from, to } = query;
    if (!from || !to) {
      throw new ProblemError(400, ServerCodes.requestInvalid, 'from and to (YYYY-MM) are required.');
    }
    const k = query.k === undefined || query.k === '' ? floor : Number(query.k);
    if (!(k >= floor)) {
      throw new ProblemError(
        400,
        'insights-k-too-small',
        `k must be a whole number of at least ${floor} on this service.`,
      );
    }
    const area = query.area?.trim() ? query.area.trim() : undefined;
    try {
      const demand = await deps!.demandFor?.(area ?? null);
      return await skillsSupply(deps!.source, { area, from, to, k, demand });
    } catch (error) {
      if (error instanceof InsightsError) throw new ProblemError(400, error.code, error.message);
      throw error;
    }
  }

  app.get('/insights', apiGuard, async (c) => c.json(await report(c.req.query()), 200));
  app.get('/insights/page', pageGuard, async (c) => {
    const query = c.req.query();
    const year = new Date().getUTCFullYear();
    const filled = { ...query, from: query.from || `${year}-01`, to: query.to || `${year}-12` };
    return c.html(layout('Skills supply insights', insightsView(await report(filled))));
  });
  return app;
}

/** The key from `Bearer <key>` or from the password of `Basic base64(name:key)`. */
function presentedKey(header: string): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const password = colon >= 0 ? decoded.slice(colon + 1) : '';
  return password === '' ? undefined : password;
}
