import { PassportError, type VerificationReport, type VerifyInput } from '@skills-passport/core';
import type { JobRequirements } from '@skills-passport/schemas';
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppDeps } from '../app-deps.js';
import { layout } from '../page/layout.js';
import { matchView } from '../page/match-view.js';
import { PAGE_CSS, PAGE_JS } from '../page/page-assets.js';
import { reportView } from '../page/report-view.js';
import { pageFooter, verifyForm } from '../page/verify-form.js';

/**
 * The employer's page: `GET /` (the form; `?vp=` or `?vc=` with a url-encoded credential or passport verifies
 * it straight away, which is what a share link opens), `POST /verify-page` (the form's target: pasted text, an
 * OB 2.0 assertion URL or an uploaded JSON / JWT / baked PNG or SVG, with the optional email the badge should be
 * issued to), and the page's stylesheet and script.
 *
 * @example
 * app.route('/', pageRoutes(deps));
 */
export function pageRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const title = 'Check a skills passport';
  const verify = deps.verifyPage ?? deps.verify;

  const form = (text = '', requirements = '', recipient = '') =>
    verifyForm(text, deps.matchRequirements ? { text: requirements } : undefined, recipient);

  app.get('/', async (c) => {
    const shared = c.req.query('vp') ?? c.req.query('vc');
    if (!shared) return c.html(layout(title, html`${form()}${pageFooter()}`));
    const report = await verify(shared);
    return c.html(layout(title, html`${form()}${reportView(report)}${pageFooter()}`));
  });

  app.post('/verify-page', async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    const text = typeof body.credential === 'string' ? body.credential : '';
    const requirements = typeof body.requirements === 'string' ? body.requirements : '';
    const recipient = typeof body.recipient === 'string' ? body.recipient.trim() : '';
    let input: VerifyInput | undefined;
    if (file instanceof File && file.size > 0) input = new Uint8Array(await file.arrayBuffer());
    else if (text.trim() !== '') input = text;
    if (input === undefined) {
      const message = html`<div class="verdict verdict-fail" role="alert"><h2>Nothing to check</h2><p>Paste a credential or passport, or choose a file.</p></div>`;
      return c.html(
        layout(title, html`${form(text, requirements, recipient)}${message}${pageFooter()}`),
        400,
      );
    }
    const report = await verify(input, recipient ? { recipient } : {});
    const match = requirements.trim() === '' ? '' : matchSection(report, requirements);
    return c.html(
      layout(title, html`${form(text, requirements, recipient)}${reportView(report)}${match}${pageFooter()}`),
    );
  });

  app.get('/assets/page.css', (c) =>
    c.body(PAGE_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  app.get('/assets/page.js', (c) =>
    c.body(PAGE_JS, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  /** The match, or a plain message saying what is wrong with the requirements. */
  function matchSection(report: VerificationReport, text: string) {
    if (!deps.matchRequirements) return '';
    let job: unknown;
    try {
      job = JSON.parse(text);
    } catch {
      return problemBox('The job requirements are not valid JSON.');
    }
    try {
      return matchView(deps.matchRequirements(report, job as JobRequirements));
    } catch (error) {
      if (error instanceof PassportError) return problemBox(error.message);
      throw error;
    }
  }

  return app;
}

function problemBox(message: string) {
  return html`<div class="verdict verdict-fail" role="alert"><h2>Job requirements not used</h2><p>${message}</p></div>`;
}
