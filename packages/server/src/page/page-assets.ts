/**
 * The page's only stylesheet and script, served from this origin so the Content-Security-Policy can forbid
 * inline code and every other origin. High-contrast colours (WCAG AA) and visible focus rings.
 */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c9c9c9; --focus: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 56rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
p.lede { color: var(--muted); margin-top: 0; }
label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
.hint { color: var(--muted); font-size: .9rem; margin: 0 0 .25rem; }
textarea { width: 100%; min-height: 10rem; font: 14px/1.4 ui-monospace, Menlo, Consolas, monospace; padding: .5rem; border: 2px solid var(--line); border-radius: 4px; }
textarea.short { min-height: 5rem; }
input[type=file] { font-size: 1rem; }
button { margin-top: 1rem; font-size: 1rem; font-weight: 600; padding: .6rem 1.4rem; color: #fff; background: #1d4ed8; border: 0; border-radius: 4px; cursor: pointer; }
button:hover { background: #1e40af; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.verdict { border-radius: 6px; padding: 1rem 1.25rem; margin: 1.5rem 0 1rem; border: 2px solid; }
.verdict h2 { margin: 0; font-size: 1.5rem; }
.verdict p { margin: .25rem 0 0; }
.verdict-ok { background: #e6f4ea; border-color: #0a5c2b; color: #0a3d1d; }
.verdict-warn { background: #fff4d6; border-color: #7a5900; color: #4d3800; }
.verdict-fail { background: #fdecea; border-color: #8a1c1c; color: #6b1111; }
.credential { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
.outcome { font-weight: 700; white-space: nowrap; }
.outcome-pass { color: #0a5c2b; } .outcome-fail { color: #8a1c1c; } .outcome-warn { color: #6b4e00; } .outcome-skip { color: var(--muted); }
code { font: 13px ui-monospace, Menlo, Consolas, monospace; }
.tag { display: inline-block; font-size: .85rem; font-weight: 700; padding: 0 .4rem; border-radius: 3px; border: 1px solid; }
.tag-bad { color: #8a1c1c; border-color: #8a1c1c; } .tag-good { color: #0a5c2b; border-color: #0a5c2b; } .tag-neutral { color: var(--muted); border-color: var(--muted); }
footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; }
`;

/**
 * Progressive enhancement only (the form works without it): a share link's fragment (`#vp=...`) is put into
 * the form and submitted, so the passport in a fragment never reaches server logs until the user's browser
 * sends it in the POST body.
 */
export const PAGE_JS = `
(function () {
  var hash = window.location.hash;
  var match = /^#(?:vp|vc)=(.+)$/.exec(hash);
  if (!match) return;
  var input = document.getElementById('credential-text');
  var form = document.getElementById('verify-form');
  if (!input || !form) return;
  try { input.value = decodeURIComponent(match[1]); } catch (e) { return; }
  history.replaceState(null, '', window.location.pathname);
  form.submit();
})();
`;
