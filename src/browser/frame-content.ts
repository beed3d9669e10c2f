import type { Frame, Page } from 'playwright';

/**
 * Shops embedded in another page (a marketplace widget, a preview pane, a CMS wrapper) put their
 * content in an iframe. shopsim observes and acts on the top document only, so such a page shows
 * few or no named elements. This finds that case so observe and simulate can say so.
 */
export interface FrameContent {
  /** Visible controls (links, buttons, fields) of the top document. */
  topControls: number;
  /** The visible iframe that holds the most controls (ties: the largest), or null. */
  frame: { url: string; share: number; controls: number } | null;
}

/** A visible iframe covering at least this share of the window is "most of the page". */
const LARGE_SHARE = 0.5;
/** At most this many controls on the top page counts as "almost nothing there". */
const FEW_CONTROLS = 5;
/** An iframe with at least this many controls has content worth pointing at. */
const SOME_CONTROLS = 3;

const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"]';

/** Counts visible controls of one document (runs in the page). */
function countControls(selector: string): number {
  let n = 0;
  for (const el of Array.from(document.querySelectorAll(selector))) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') n += 1;
  }
  return n;
}

async function controlsIn(frame: Frame): Promise<number> {
  return frame.evaluate(countControls, CONTROLS).catch(() => 0);
}

/** Measures the top document's controls and its visible iframes (same- or cross-origin). */
export async function measureFrameContent(page: Page): Promise<FrameContent> {
  const topControls = await controlsIn(page.mainFrame());
  let best: FrameContent['frame'] = null;
  for (const handle of await page.$$('iframe, frame')) {
    const box = await handle.boundingBox().catch(() => null);
    const frame = await handle.contentFrame().catch(() => null);
    if (!box || !frame || box.width < 2 || box.height < 2) continue;
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
    const visibleW = Math.max(0, Math.min(box.x + box.width, viewport.width) - Math.max(box.x, 0));
    const visibleH = Math.max(
      0,
      Math.min(box.y + box.height, viewport.height) - Math.max(box.y, 0),
    );
    const share = (visibleW * visibleH) / (viewport.width * viewport.height);
    const controls = await controlsIn(frame);
    const candidate = { url: frame.url(), share, controls };
    if (
      !best ||
      candidate.controls > best.controls ||
      (candidate.controls === best.controls && candidate.share > best.share)
    ) {
      best = candidate;
    }
  }
  return { topControls, frame: best };
}

/**
 * A warning when the page's content seems to sit in an iframe: the top page has almost nothing
 * (`named` elements observed, or its own controls) while an iframe covers most of the window or
 * holds controls; or an iframe covering most of the window holds more controls than the page.
 */
export function frameContentWarning(content: FrameContent, named?: number): string | null {
  const { frame } = content;
  if (!frame) return null;
  const top = named ?? content.topControls;
  const large = frame.share >= LARGE_SHARE;
  const emptyTop = top <= FEW_CONTROLS && (large || frame.controls >= SOME_CONTROLS);
  const frameWins = large && frame.controls > top;
  if (!emptyTop && !frameWins) return null;
  const url = /^https?:|^file:/.test(frame.url) ? frame.url : null;
  return (
    `the page's content seems to sit in an iframe (${url ?? 'an embedded frame'}, ` +
    `${Math.round(frame.share * 100)}% of the window, ${frame.controls} controls inside), ` +
    `but shopsim only sees the top page (${top} named elements). ` +
    (url
      ? `Open the iframe's URL as the start URL instead: ${url}`
      : "Open the embedded shop's own URL as the start URL instead.")
  );
}

/** Measures the page and returns the iframe warning, or null. Never throws. */
export async function iframeWarning(page: Page, named?: number): Promise<string | null> {
  try {
    return frameContentWarning(await measureFrameContent(page), named);
  } catch {
    return null;
  }
}
