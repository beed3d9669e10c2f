import { trusted, type SafeHtml } from './escape.js';

/** A Vega-Lite specification (kept loose: the chart builders write plain objects). */
export type ChartSpec = Record<string, unknown>;

type Libraries = { vega: typeof import('vega'); vegaLite: typeof import('vega-lite') };
let libraries: Promise<Libraries> | null = null;

/** Vega and Vega-Lite are large: loaded only when a report is rendered. */
function load(): Promise<Libraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({
    vega,
    vegaLite,
  }));
  return libraries;
}

/**
 * Compiles a Vega-Lite spec and renders it to an SVG string in Node (no canvas, no browser): the
 * report carries the finished drawing, so it needs no script and no network to show it.
 */
export async function renderSvg(spec: ChartSpec): Promise<SafeHtml> {
  const { vega, vegaLite } = await load();
  const quiet = vega.logger(vega.None);
  const compiled = vegaLite.compile(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      config: { font: 'system-ui, sans-serif', view: { stroke: null } },
      ...spec,
    } as Parameters<typeof vegaLite.compile>[0],
    { logger: quiet },
  ).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    return trusted(await view.toSVG());
  } finally {
    view.finalize();
  }
}
