import type { Prominence } from './observation.js';

/** An sRGB colour, channels 0-255, with its alpha 0-1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** A computed CSS colour (`rgb(…)` / `rgba(…)`, comma or space separated), or null for others. */
export function parseColor(value: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(
    value.trim(),
  );
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]); // prettier-ignore
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

const linear = (channel: number): number => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance. */
export function luminance(c: Rgba): number {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

/** WCAG 2 contrast ratio, 1 (none) to 21 (black on white). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIELAB (D65) of an sRGB colour. */
function lab(c: Rgba): [number, number, number] {
  const [r, g, b] = [linear(c.r), linear(c.g), linear(c.b)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116); // prettier-ignore
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference (2.3 is about one just-noticeable difference). */
export function deltaE(a: Rgba, b: Rgba): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** A fill at least this far (CIE76) from what is behind it reads as a shape of its own. */
export const FILL_DELTA_E = 10;

/** A colour over an opaque backdrop, as drawn. */
const over = (c: Rgba, back: Rgba): Rgba => ({
  r: c.r * c.a + back.r * (1 - c.a),
  g: c.g * c.a + back.g * (1 - c.a),
  b: c.b * c.a + back.b * (1 - c.a),
  a: 1,
});

/**
 * How prominently a control is drawn: its size, the contrast of its text against what is directly
 * behind the text, and whether it has a fill of its own that stands out from the page behind it
 * (a button shape) rather than being text on the page. Browser only (`styleOf`: the computed
 * style, from the walk's cache); null for controls without
 * a box (options) or with colours the parser does not read.
 */
export function createProminence(
  styleOf: (el: Element) => CSSStyleDeclaration,
): (el: Element) => Prominence | null {
  const backdrops = new Map<Element, Rgba>();
  /** The opaque colour the element is drawn on: the nearest ancestor background, else white. */
  const backdropOf = (el: Element | null): Rgba => {
    if (!el) return WHITE;
    let known = backdrops.get(el);
    if (!known) {
      const own = parseColor(styleOf(el).backgroundColor);
      const below = backdropOf(el.parentElement);
      known = own && own.a > 0 ? over(own, below) : below;
      backdrops.set(el, known);
    }
    return known;
  };
  return (el) => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) return null;
    const style = styleOf(el);
    const text = parseColor(style.color);
    if (!text) return null;
    const page = backdropOf(el.parentElement);
    const surface = backdropOf(el);
    return {
      width: Math.round(box.width),
      height: Math.round(box.height),
      contrast: Math.round(contrastRatio(over(text, surface), surface) * 100) / 100,
      filled: deltaE(surface, page) >= FILL_DELTA_E,
    };
  };
}
