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
  display: string;
  visibility: string;
  opacity: string;
  cursor: string;
  overflowX: string;
  overflowY: string;
}

/**
 * Environment for a live browser page: computed style (display, visibility, opacity) and layout
 * (zero-size boxes, 1px clipped "screen-reader only" boxes). Each element's computed style is read
 * once and cached, so a whole-page walk costs one style lookup per visible element.
 */
export function createBrowserEnv(win: Window): DomEnv {
  const cache = new Map<Element, CachedStyle>();
  const styleOf = (el: Element): CachedStyle => {
    let cached = cache.get(el);
    if (!cached) {
      const cs = win.getComputedStyle(el);
      cached = {
        display: cs.display,
        visibility: cs.visibility,
        opacity: cs.opacity,
        cursor: cs.cursor,
        overflowX: cs.overflowX,
        overflowY: cs.overflowY,
      };
      cache.set(el, cached);
    }
    return cached;
  };
  const clips = (s: CachedStyle): boolean =>
    s.overflowX === 'hidden' ||
    s.overflowX === 'clip' ||
    s.overflowY === 'hidden' ||
    s.overflowY === 'clip';
  return {
    isVisible(el) {
      const tag = el.tagName.toLowerCase();
      // options and optgroups of a visible select have no layout box of their own
      if (tag === 'option' || tag === 'optgroup') return true;
      const s = styleOf(el);
      if (s.display === 'none') return false;
      if (s.visibility === 'hidden' || s.visibility === 'collapse') return false;
      if (Number(s.opacity) === 0) return false;
      if (s.display === 'contents') return true;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) {
        // an empty box shows nothing; a collapsed container may still show overflowing children
        return el.childElementCount > 0 && !clips(s);
      }
      // "sr-only" pattern: 1px box with overflow hidden
      if ((rect.width <= 1 || rect.height <= 1) && clips(s)) return false;
      return true;
    },
    isPointer(el) {
      if (styleOf(el).cursor !== 'pointer') return false;
      const parent = el.parentElement;
      return !parent || styleOf(parent).cursor !== 'pointer';
    },
  };
}
