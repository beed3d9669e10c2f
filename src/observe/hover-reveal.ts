/**
 * In-page: controls a person reveals by pointing at something (a card's "Add to cart" that is
 * `opacity:0; visibility:hidden` until `.card:hover`). Read from the page's CSS rules, once per
 * observation: a rule whose selector has `X:hover <descendant part>` and whose declarations make
 * something shown (visibility visible, opacity above 0) reveals the elements the selector matches
 * once `:hover` is dropped, provided they sit inside an element matching X (the one to point at).
 * Stylesheets the page may not read (cross-origin) are skipped. Bounded: only rules with `:hover`
 * are kept, and only elements that are hidden by opacity/visibility are tested against them.
 */
export type HoverReveal = (el: Element) => boolean;

interface RevealRule {
  /** The whole selector without `:hover`: what gets revealed. */
  revealed: string;
  /** The compound that carried `:hover`, without it: the ancestor to point at. */
  host: string;
}

const HOVER = /(?<!\\):hover\b/g;
/** Rules past this many are ignored (a bound on very large stylesheets). */
const MAX_RULES = 400;

function shows(style: CSSStyleDeclaration): boolean {
  const visibility = style.getPropertyValue('visibility');
  const opacity = style.getPropertyValue('opacity');
  return visibility === 'visible' || (opacity !== '' && Number(opacity) > 0);
}

/** Splits one selector into the part before the last `:hover` compound ends, and the rest. */
function revealRule(selector: string): RevealRule | null {
  HOVER.lastIndex = 0;
  let last = -1;
  for (let m = HOVER.exec(selector); m; m = HOVER.exec(selector)) last = m.index;
  if (last < 0) return null;
  // the compound holding :hover ends at the next combinator (outside brackets and parentheses)
  let depth = 0;
  let end = selector.length;
  for (let i = last; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && /[\s>+~]/.test(c)) {
      end = i;
      break;
    }
  }
  if (end === selector.length) return null; // :hover on the element itself: nothing to point at
  let start = 0;
  depth = 0;
  for (let i = last - 1; i >= 0; i--) {
    const c = selector[i]!;
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') depth--;
    else if (depth === 0 && /[\s>+~]/.test(c) && selector[i - 1] !== '\\') {
      start = i + 1;
      break;
    }
  }
  const host = selector.slice(start, end).replace(HOVER, '').trim() || '*';
  return { revealed: selector.replace(HOVER, '').trim(), host };
}

function collectRules(doc: Document): RevealRule[] {
  const found: RevealRule[] = [];
  const visit = (rules: CSSRuleList): void => {
    for (const rule of Array.from(rules)) {
      if (found.length >= MAX_RULES) return;
      const style = (rule as CSSStyleRule).style;
      const selector = (rule as CSSStyleRule).selectorText;
      if (selector && style && selector.includes(':hover') && shows(style)) {
        for (const part of selector.split(',')) {
          const parsed = revealRule(part.trim());
          if (parsed) found.push(parsed);
        }
      }
      const nested = (rule as CSSGroupingRule).cssRules;
      if (nested?.length) visit(nested);
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      visit(sheet.cssRules);
    } catch {
      // cross-origin stylesheet: its rules cannot be read
    }
  }
  return found;
}

export function createHoverReveal(doc: Document): HoverReveal {
  let rules: RevealRule[] | null = null;
  return (el) => {
    rules ??= collectRules(doc);
    return rules.some((rule) => {
      try {
        const host = el.parentElement?.closest(rule.host);
        return !!host && el.matches(rule.revealed);
      } catch {
        return false; // a selector this engine cannot match once :hover is dropped
      }
    });
  };
}
