import { Hono } from 'hono';
import { html } from 'hono/html';
import { type OpenApiDocument, openApiDocument } from '../openapi/openapi-document.js';
import { layout } from '../page/layout.js';

/**
 * `GET /openapi.json` (the OpenAPI 3.1 document) and `GET /docs` (the same, rendered as a plain HTML reference
 * on the server: no CDN, no script).
 *
 * @example
 * app.route('/', docsRoutes('https://verify.example.org'));
 */
export function docsRoutes(publicUrl: string): Hono {
  const app = new Hono();
  const document = openApiDocument(publicUrl);
  app.get('/openapi.json', (c) => c.json(document, 200));
  app.get('/docs', (c) => c.html(layout('Skills Passport API reference', referenceView(document))));
  return app;
}

function referenceView(document: OpenApiDocument) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  return html`<h1>Skills Passport API reference</h1>
<p class="lede">${String(document.info.description ?? '')} Machine-readable: <a href="/openapi.json">openapi.json</a>.</p>
<nav aria-label="Routes"><ul>${operations.map(({ path, method }) => html`<li><a href="#${anchor(method, path)}"><code>${method} ${path}</code></a></li>`)}</ul></nav>
${operations.map(
  ({ path, method, operation }) => html`<section aria-labelledby="${anchor(method, path)}">
<h2 id="${anchor(method, path)}"><code>${method} ${path}</code></h2>
<p><strong>${operation.summary}</strong>${operation.security ? ' · needs an API key (Authorization: Bearer)' : ''}</p>
${operation.description ? html`<p>${operation.description}</p>` : ''}
<table><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th></tr></thead><tbody>
${Object.entries(operation.responses).map(([status, response]) => html`<tr><td><code>${status}</code></td><td>${response.description}</td></tr>`)}
</tbody></table>
</section>`,
)}`;
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '');
}
