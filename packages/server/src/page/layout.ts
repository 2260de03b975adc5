import { html } from 'hono/html';

/**
 * The HTML document around every page: language, viewport, the one stylesheet and script (same origin, so the
 * CSP forbids everything inline), and a skip-free single `main` landmark.
 *
 * @example
 * return c.html(layout('Verify a skills passport', body));
 */
export function layout(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/page.css">
<script src="/assets/page.js" defer></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
