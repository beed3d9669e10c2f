/**
 * In-page: whether a control is covered by an overlay a person would have to dismiss first (an
 * open drawer, a modal and its backdrop, a cookie banner). Pure DOM code, run by the browser env.
 *
 * Rule: a control in the viewport is covered when, at its visible centre and at two more points of
 * its box, the topmost element (elementFromPoint) belongs to an overlay layer (a position:fixed
 * box, e.g. a modal <dialog>) that does not hold the control. Hits on the control itself, its
 * descendants, its ancestors or its <label> count as reachable; so does in-flow content drawn over
 * it (that is not an overlay; a click on it reports what is in the way). A thin bar fixed at the
 * top of the viewport (a sticky header) does not cover: scrolling moves content out from under it.
 * A control outside the viewport is reached by scrolling, so it is covered only when a fixed
 * layer covers the whole viewport (a backdrop) and the control is not inside a fixed layer itself.
 */
export type CoveredCheck = (el: Element) => boolean;

/** Above this share of the viewport height, a layer at the top edge is not a header bar. */
const HEADER_SHARE = 1 / 3;

export function createCoveredCheck(win: Window): CoveredCheck {
  const doc = win.document;
  const width = win.innerWidth;
  const height = win.innerHeight;
  const layers = new Map<Element, Element | null>();

  /** The nearest position:fixed ancestor-or-self of `el` (its overlay layer), or null. */
  const layerOf = (el: Element): Element | null => {
    if (layers.has(el)) return layers.get(el)!;
    const fixed = win.getComputedStyle(el).position === 'fixed';
    const layer = fixed ? el : el.parentElement ? layerOf(el.parentElement) : null;
    layers.set(el, layer);
    return layer;
  };

  const isHeaderBar = (layer: Element): boolean => {
    const r = layer.getBoundingClientRect();
    return r.top <= 0 && r.bottom < height * HEADER_SHARE;
  };

  // layers that cover the whole viewport: found once, at a 3x3 grid of points
  let fullLayers: Element[] | null = null;
  const viewportLayers = (): Element[] => {
    if (fullLayers) return fullLayers;
    const found = new Set<Element>();
    for (const fx of [0.1, 0.5, 0.9]) {
      for (const fy of [0.1, 0.5, 0.9]) {
        const hit = doc.elementFromPoint(width * fx, height * fy);
        const layer = hit && layerOf(hit);
        if (!layer) continue;
        const r = layer.getBoundingClientRect();
        if (r.left <= 1 && r.top <= 1 && r.right >= width - 1 && r.bottom >= height - 1) {
          found.add(layer);
        }
      }
    }
    fullLayers = [...found];
    return fullLayers;
  };

  /** The element whose box stands for the control (a hidden toggle is used through its label). */
  const stand = (el: Element): Element => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'option' || tag === 'optgroup') return el.closest('select') ?? el;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) {
      const label = (el as HTMLInputElement).labels?.[0];
      if (label) return label;
    }
    return el;
  };

  const reachableHit = (el: Element, target: Element, hit: Element | null): boolean => {
    if (!hit) return false;
    if (hit === target || target.contains(hit) || hit.contains(target)) return true;
    if (el !== target && (hit === el || el.contains(hit) || hit.contains(el))) return true;
    const label = hit.closest('label');
    if (label && (el as HTMLInputElement).labels?.length) {
      if (Array.from((el as HTMLInputElement).labels!).includes(label as HTMLLabelElement)) {
        return true;
      }
    }
    const layer = layerOf(hit);
    // in-flow content, the control's own layer, or a header bar it slid under
    return !layer || layer.contains(target) || isHeaderBar(layer);
  };

  return (el) => {
    const target = stand(el);
    const r = target.getBoundingClientRect();
    const left = Math.max(r.left, 0);
    const right = Math.min(r.right, width);
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, height);
    if (right <= left || bottom <= top) {
      if (r.width === 0 && r.height === 0) return false; // no box of its own: nothing to test
      if (layerOf(target)) return false; // scrolled inside its own overlay
      return viewportLayers().some((layer) => !layer.contains(target));
    }
    const cx = (left + right) / 2;
    const cy = (top + bottom) / 2;
    const points: [number, number][] = [
      [cx, cy],
      [left + (right - left) * 0.25, top + (bottom - top) * 0.25],
      [left + (right - left) * 0.75, top + (bottom - top) * 0.75],
    ];
    return !points.some(([x, y]) => reachableHit(el, target, doc.elementFromPoint(x, y)));
  };
}
