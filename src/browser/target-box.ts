import type { Locator, Page } from 'playwright';

/** An element's box in the viewport, in CSS pixels, and the viewport's size. */
export interface ViewportBox {
  x: number;
  y: number;
  width: number;
  height: number;
  viewport: { width: number; height: number };
}

/**
 * Where `locator` is drawn in the viewport, after scrolling it into view the way a click would
 * (so a screenshot taken next shows it). Null when it is not drawn (hidden, zero-sized) or does
 * not answer within `timeoutMs`; never throws, since the box only decorates a screenshot.
 */
export async function viewportBox(
  page: Page,
  locator: Locator,
  timeoutMs: number,
): Promise<ViewportBox | null> {
  const viewport = page.viewportSize();
  if (!viewport) return null;
  await locator.scrollIntoViewIfNeeded({ timeout: timeoutMs }).catch(() => undefined);
  const box = await locator.boundingBox({ timeout: timeoutMs }).catch(() => null);
  if (!box || box.width <= 0 || box.height <= 0) return null;
  return {
    x: round(box.x),
    y: round(box.y),
    width: round(box.width),
    height: round(box.height),
    viewport: { width: viewport.width, height: viewport.height },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
