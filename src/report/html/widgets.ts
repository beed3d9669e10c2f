import { html, type HtmlValue, type SafeHtml } from './escape.js';
import { renderSvg, type ChartSpec } from './svg.js';

/** A table cell: text, a number (right-aligned) or null (an en dash). */
export type HtmlCell = string | number | null | SafeHtml;

/** A plain HTML table; numbers right-aligned. */
export function htmlTable(headers: string[], rows: HtmlCell[][]): SafeHtml {
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'),
  );
  const cell = (c: HtmlCell, i: number): SafeHtml =>
    numeric[i] ? html`<td class="num">${c}</td>` : html`<td>${c === null ? '–' : c}</td>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((h, i) => (numeric[i] ? html`<th class="num">${h}</th>` : html`<th>${h}</th>`))}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            ${r.map(cell)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A titled chart box holding the rendered SVG. */
export async function chartBox(title: string, spec: ChartSpec, note?: string): Promise<SafeHtml> {
  const svg = await renderSvg(spec);
  return html`<figure class="chart" data-chart="${title}">
    <h3>${title}</h3>
    ${svg}${note ? html`<figcaption class="note">${note}</figcaption>` : null}
  </figure>`;
}

/** Charts side by side. */
export function chartRow(charts: SafeHtml[]): SafeHtml {
  return html`<div class="charts">${charts}</div>`;
}

export function section(title: string, ...content: HtmlValue[]): SafeHtml {
  return html`<h2>${title}</h2>
    ${content}`;
}

export function note(text: string): SafeHtml {
  return html`<p class="note">${text}</p>`;
}
