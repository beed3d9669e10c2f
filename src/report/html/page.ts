import { createHash } from 'node:crypto';
import { html, trusted, type SafeHtml } from './escape.js';

/** A tab of the report: its title and content. */
export interface ReportTab {
  id: string;
  title: string;
  body: SafeHtml;
}

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--hi:#e4007c;--ok:#1a7f37;--bad:#b42318}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px}h1{margin:0 0 4px;font-size:20px}
.meta{color:var(--muted)}main{padding:16px 24px;max-width:1400px}
nav.tabs{display:flex;gap:4px;margin:12px 0 0}nav.tabs button{border:1px solid var(--line);background:#fff;padding:6px 12px;border-radius:6px 6px 0 0;cursor:pointer;font:inherit}
nav.tabs button[aria-selected=true]{background:var(--fg);color:#fff}
section.tab{display:none}section.tab.active{display:block}
h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:16px 0 6px}
table{border-collapse:collapse;background:#fff;margin:4px 0 12px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fff;border:1px solid var(--line);padding:8px}
.chart{margin:0}.chart h3{margin:0 0 4px}.note{color:var(--muted);font-size:13px}
details.session{background:#fff;border:1px solid var(--line);margin:6px 0;padding:6px 10px}
details.session>summary{cursor:pointer;font-weight:600}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}.pair>div{min-width:0}
ol.timeline{list-style:none;padding:0;margin:8px 0}ol.timeline>li{border-left:3px solid var(--line);padding:4px 0 10px 12px;margin:0 0 4px}
ol.timeline>li.failed{border-left-color:var(--bad)}.action{font-family:ui-monospace,Menlo,monospace;background:#eef0f4;padding:1px 4px;border-radius:3px}
.url{color:var(--muted);word-break:break-all;font-size:12px}.rationale{font-style:italic;margin:2px 0;white-space:pre-wrap}
.error{color:var(--bad)}.outcome{font-weight:600}
.shot{position:relative;display:inline-block;overflow:hidden;max-width:min(100%,800px);border:1px solid var(--line);margin:4px 0}
.shot img{display:block;width:100%;height:auto}.shot .target{position:absolute;border:3px solid var(--hi);box-shadow:0 0 0 2px #fff,0 0 0 9999px rgba(0,0,0,.12);pointer-events:none}
pre.page{max-height:400px;overflow:auto;background:#fbfbfc;border:1px solid var(--line);padding:8px;white-space:pre-wrap;font-size:12px}
`;

/** Tabs without a server or a library: show the clicked tab's section, remember it in the URL hash. */
const SCRIPT = `
(function(){var b=document.querySelectorAll('nav.tabs button');function show(id){b.forEach(function(x){var on=x.dataset.tab===id;x.setAttribute('aria-selected',on);document.getElementById(x.dataset.tab).classList.toggle('active',on);});}
b.forEach(function(x){x.addEventListener('click',function(){show(x.dataset.tab);history.replaceState(null,'','#'+x.dataset.tab);});});
var h=location.hash.slice(1);show(document.getElementById(h)&&h.indexOf('tab-')===0?h:(b[0]&&b[0].dataset.tab));})();
`;

/** Only this script may run (Content-Security-Policy), whatever text the traces hold. */
const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

/** Built outside the page template so the hashed text is exactly the text in the page. */
const SCRIPT_TAG = trusted(`<script>${SCRIPT}</script>`);

/** The whole self-contained page: inline CSS, inline SVG, one tiny inline script for the tabs. */
export function renderPage(title: string, subtitle: string, tabs: ReportTab[]): string {
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; img-src data: file: 'self'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'"
        />
        <title>${title}</title>
        <style>
          ${trusted(CSS)}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          <div class="meta">${subtitle}</div>
          <nav class="tabs">
            ${tabs.map((t) => html`<button type="button" data-tab="${t.id}" aria-selected="false">${t.title}</button>`)}
          </nav>
        </header>
        <main>${tabs.map((t) => html`<section class="tab" id="${t.id}">${t.body}</section>`)}</main>
        ${SCRIPT_TAG}
      </body>
    </html> `;
  return page.value;
}
