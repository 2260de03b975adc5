import { html } from 'hono/html';

/**
 * The paste / upload form, with a job-requirements box when the service can match. A plain `multipart/form-data` POST to `/verify-page`, so it works without
 * JavaScript; every control has a visible label and a hint tied to it with `aria-describedby`.
 *
 * @example
 * return c.html(layout('Verify', verifyForm()));
 */
export function verifyForm(text = '', requirements?: { text: string }, recipient = '') {
  return html`<h1>Check a skills credential or passport</h1>
<p class="lede">Paste what the candidate sent you, or upload the file. Nothing is stored.</p>
<form id="verify-form" method="post" action="/verify-page" enctype="multipart/form-data">
<label for="credential-text">Credential or passport</label>
<p class="hint" id="credential-text-hint">JSON, a JWT starting with <code>eyJ</code>, or an Open Badges 2.0 badge's public assertion URL (<code>https://…</code>).</p>
<textarea id="credential-text" name="credential" aria-describedby="credential-text-hint" spellcheck="false">${text}</textarea>
<label for="credential-file">Or upload a file</label>
<p class="hint" id="credential-file-hint">A .json or .jwt file, or an Open Badges image (.png or .svg) with the credential baked in.</p>
<input id="credential-file" name="file" type="file" accept=".json,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml" aria-describedby="credential-file-hint">
<label for="recipient-text">Issued to (optional)</label>
<p class="hint" id="recipient-text-hint">The candidate's email: checked against an Open Badges recipient, which is often hashed.</p>
<input id="recipient-text" name="recipient" type="email" autocomplete="off" value="${recipient}" aria-describedby="recipient-text-hint">
${
  requirements
    ? html`<label for="requirements-text">Job requirements (optional)</label>
<p class="hint" id="requirements-text-hint">JSON: <code>{ "title": "Junior analyst", "requirements": [{ "framework": "SFIA", "code": "SCTY", "minimumLevel": 2, "importance": "required" }] }</code></p>
<textarea id="requirements-text" name="requirements" class="short" aria-describedby="requirements-text-hint" spellcheck="false">${requirements.text}</textarea>`
    : ''
}
<div><button type="submit">Check</button></div>
</form>`;
}

/** The footer with links to the API documentation. */
export function pageFooter() {
  return html`<footer><p>Skills Passport verification service · <a href="/docs">API reference</a> · <a href="/openapi.json">OpenAPI</a></p></footer>`;
}
