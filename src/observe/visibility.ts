import { createCoveredCheck } from './covered.js';
import { createHoverReveal } from './hover-reveal.js';
import type { Prominence } from './observation.js';
import { createProminence } from './prominence.js';

/**
 * What the simplifier needs to know about rendering, behind an interface so the naming logic runs
 * on a plain DOM (linkedom in Node tests) as well as in the browser.
 *
 * The walker visits elements top-down and prunes a subtree as soon as `isVisible` says false, so an
 * environment only answers for the element itself (its ancestors are known to be visible).
 */
export interface DomEnv {
  /** False when the element (and so its subtree) is not rendered for a human. */
  isVisible(el: Element): boolean;
  /** True when the element starts a `cursor: pointer` region (its parent is not pointer). */
  isPointer(el: Element): boolean;
  /**
   * True when an overlay (drawer, modal, cookie banner) covers the visible element, so a person
   * cannot reach it before dismissing the overlay. Absent: nothing is ever covered.
   */
  isCovered?(el: Element): boolean;
  /**
   * Where a visible element starts, in viewport heights from the top of the page (0 to <1: the
   * first screen, seen without scrolling); elements in a fixed layer count where they are drawn.
   * Absent or null: the environment has no layout.
   */
  screen?(el: Element): number | null;
  /** How prominently a visible control is drawn (prominence.ts); absent or null: unknown. */
  prominence?(el: Element): Prominence | null;
}

/** Parses an inline `style` attribute into lowercase property -> value. */
function inlineStyle(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  const style = el.getAttribute('style');
  if (!style) return map;
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i < 0) continue;
    const value = decl.slice(i + 1).replace(/!important/i, '');
    map.set(decl.slice(0, i).trim().toLowerCase(), value.trim().toLowerCase());
  }
  return map;
}

/**
 * Environment for a DOM without layout (linkedom): `hidden` attribute, inline
 * `display:none` / `visibility:hidden` / `opacity:0`, and inline `cursor:pointer`.
 */
export function createStaticEnv(): DomEnv {
  const cursor = (el: Element | null): string | undefined =>
    el ? inlineStyle(el).get('cursor') : undefined;
  return {
    isVisible(el) {
      if (el.hasAttribute('hidden')) return false;
      const style = inlineStyle(el);
      if (style.get('display') === 'none') return false;
      const visibility = style.get('visibility');
      if (visibility === 'hidden' || visibility === 'collapse') return false;
      if (style.has('opacity') && Number(style.get('opacity')) === 0) return false;
      return true;
    },
    isPointer(el) {
      return cursor(el) === 'pointer' && cursor(el.parentElement) !== 'pointer';
    },
  };
}

interface CachedStyle {
  /** The live computed style: properties the walk rarely needs are read from it on demand. */
  cs: CSSStyleDeclaration;
  display: string;
  visibility: string;
  opacity: string;
  clipX: boolean;
  clipY: boolean;
  position?: string;
}

/** The page region (document coordinates) an element's content is clipped to. */
interface Clip {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** A positioned element lies at or below the clipper, so absolute descendants stay clipped. */
  positioned: boolean;
}

const clipping = (overflow: string): boolean => overflow === 'hidden' || overflow === 'clip';

const hiddenByStyle = (s: CachedStyle): boolean =>
  s.visibility === 'hidden' || s.visibility === 'collapse' || Number(s.opacity) === 0;

/**
 * Environment for a live browser page: computed style (display, visibility, opacity), layout
 * (zero-size boxes, 1px "screen-reader only" boxes, boxes off the page) and clipping by
 * overflow:hidden ancestors (collapsed menus, carousel slides out of the frame). Each element's
 * style is read once and cached; the walk is top-down, so a parent's clip is known for its children.
 * A control hidden only until an ancestor is hovered (hover-reveal.ts) counts as visible, with its
 * subtree; a visible control under an overlay is reported by isCovered (covered.ts).
 */
export function createBrowserEnv(win: Window): DomEnv {
  const cache = new Map<Element, CachedStyle>();
  const childClips = new Map<Element, Clip | null>();
  const revealsOnHover = createHoverReveal(win.document);
  const covered = createCoveredCheck(win);
  /** Elements shown only while an ancestor is hovered, to the box pointed at to show them. */
  const hoverShown = new Map<Element, Element>();
  const styleOf = (el: Element): CachedStyle => {
    let cached = cache.get(el);
    if (!cached) {
      const cs = win.getComputedStyle(el);
      cached = {
        cs,
        display: cs.display,
        visibility: cs.visibility,
        opacity: cs.opacity,
        clipX: clipping(cs.overflowX),
        clipY: clipping(cs.overflowY),
      };
      cache.set(el, cached);
    }
    return cached;
  };
  const positionOf = (s: CachedStyle): string => (s.position ??= s.cs.position);
  const prominence = createProminence((el) => styleOf(el).cs);
  const fixedLayer = new Map<Element, boolean>();
  /** The element or an ancestor is position:fixed, so it is drawn at the same place at any scroll. */
  const inFixedLayer = (el: Element): boolean => {
    let known = fixedLayer.get(el);
    if (known === undefined) {
      const parent = el.parentElement;
      known = positionOf(styleOf(el)) === 'fixed' || (!!parent && inFixedLayer(parent));
      fixedLayer.set(el, known);
    }
    return known;
  };
  // the walk does not scroll the page: document offsets are read once
  const scrollX = win.scrollX;
  const scrollY = win.scrollY;
  const inheritedClip = (el: Element, s: CachedStyle): Clip | null => {
    const parent = el.parentElement;
    const clip = (parent && childClips.get(parent)) ?? null;
    if (!clip) return null;
    const position = positionOf(s);
    if (position === 'fixed') return null;
    // an absolute box escapes clippers above its containing block
    if (position === 'absolute' && !clip.positioned) return null;
    return position === 'static' || clip.positioned ? clip : { ...clip, positioned: true };
  };
  return {
    isVisible(el) {
      const tag = el.tagName.toLowerCase();
      // options and optgroups of a visible select have no layout box of their own
      if (tag === 'option' || tag === 'optgroup') return true;
      const s = styleOf(el);
      if (s.display === 'none') return false;
      const parent = el.parentElement;
      const inReveal = !!parent && hoverShown.has(parent);
      if (hiddenByStyle(s)) {
        // inside a revealed subtree, visibility:hidden inherited from the revealed box lifts too
        const inherited =
          inReveal && Number(s.opacity) !== 0 && styleOf(parent!).visibility === s.visibility;
        if (inherited) hoverShown.set(el, hoverShown.get(parent!)!);
        else if (parent && revealsOnHover(el)) hoverShown.set(el, parent);
        else return false;
      } else if (inReveal) {
        hoverShown.set(el, hoverShown.get(parent!)!);
      }
      const clip = inheritedClip(el, s);
      childClips.set(el, clip);
      if (s.display === 'contents') return true;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) {
        // an empty box shows nothing; a collapsed container (or an inline wrapping blocks) may
        // still show overflowing children, unless it clips them
        return el.childElementCount > 0 && !(r.width === 0 && s.clipX) && !(r.height === 0 && s.clipY); // prettier-ignore
      }
      // "sr-only" pattern: 1px box with overflow hidden
      if ((r.width <= 1 || r.height <= 1) && (s.clipX || s.clipY)) return false;
      const box = {
        left: r.left + scrollX,
        top: r.top + scrollY,
        right: r.right + scrollX,
        bottom: r.bottom + scrollY,
      };
      if (box.right < 0 || box.bottom < 0) return false; // moved off the page (left: -9999px)
      if (
        clip &&
        (box.right <= clip.left ||
          box.left >= clip.right ||
          box.bottom <= clip.top ||
          box.top >= clip.bottom)
      ) {
        return false;
      }
      if (s.clipX || s.clipY) {
        const outer = clip ?? {
          left: -Infinity,
          top: -Infinity,
          right: Infinity,
          bottom: Infinity,
        };
        childClips.set(el, {
          left: s.clipX ? Math.max(outer.left, box.left) : outer.left,
          right: s.clipX ? Math.min(outer.right, box.right) : outer.right,
          top: s.clipY ? Math.max(outer.top, box.top) : outer.top,
          bottom: s.clipY ? Math.min(outer.bottom, box.bottom) : outer.bottom,
          positioned: positionOf(s) !== 'static',
        });
      }
      return true;
    },
    isPointer(el) {
      if (styleOf(el).cs.cursor !== 'pointer') return false;
      const parent = el.parentElement;
      return !parent || styleOf(parent).cs.cursor !== 'pointer';
    },
    isCovered(el) {
      // a hover-revealed control is not drawn yet: what must be reachable is the box pointed at
      return covered(hoverShown.get(el) ?? el);
    },
    screen(el) {
      const height = win.innerHeight;
      if (!height) return null;
      const box = (hoverShown.get(el) ?? el).getBoundingClientRect();
      const top = box.top + (inFixedLayer(el) ? 0 : scrollY);
      return Math.max(0, Math.round((top / height) * 100) / 100);
    },
    prominence,
  };
}
