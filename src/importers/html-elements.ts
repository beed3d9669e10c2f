import { attr } from '../html/node.js';
import { readHtml } from '../html/read.js';
import { fullNameIn, innerScope } from '../html/scoped-names.js';
import { inputTypeOf, markupKind } from '../observe/interactables.js';
import { NAME_ATTRIBUTE, type ObservedElement } from '../observe/observation.js';
import { clip } from '../observe/text.js';

/**
 * Reads the named elements out of a dataset's simplified HTML in one pass of the HTML reader
 * (src/html/read.ts), without building a tree. Kinds come from the same classification as the
 * live simplifier (src/observe/interactables.ts); an element the page named but that markup alone
 * does not make a control is 'clickable'.
 *
 * Which attribute carries the semantic name: shopsim's own `data-shopsim-name`, or
 * `data-semantic-id` / `semantic-id`, when any element has one; otherwise `name` (OPeRA writes
 * its dotted semantic ids into `name`, e.g. `<div name="nav_bar.homepage">`).
 */

const NAME_ATTRIBUTES = [NAME_ATTRIBUTE, 'data-semantic-id', 'semantic-id', 'name'];
const TEXT_CAP = 100;
/** Tags that do not break words: everything else separates the text around it. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);

export interface HtmlSummary {
  title: string;
  elements: ObservedElement[];
}

/** An element carrying one or more of the name attributes, with the text read inside it. */
interface Candidate {
  /** Its name under each name attribute it carries (index as in NAME_ATTRIBUTES). */
  names: (string | undefined)[];
  element: ObservedElement;
  /** Text read inside it, until more would not change its clip(). */
  text: string;
  /** All text of a textarea: its value. */
  value: string;
  /** Its text is longer than clip() keeps: more text cannot change it. */
  full: boolean;
}

function toElement(
  tag: string,
  attrs: Readonly<Record<string, string>>,
  insideSelect: boolean,
): ObservedElement {
  const get = (name: string): string | null => attr(attrs, name);
  const kind = markupKind({ tag, attr: get, insideSelect: () => insideSelect }) ?? 'clickable';
  const buttonValue = tag === 'input' && kind === 'button' ? get('value') : null;
  const label =
    get('aria-label') ?? get('placeholder') ?? get('title') ?? buttonValue ?? get('alt') ?? '';
  const checkable = kind === 'checkbox' || kind === 'radio';
  return {
    name: '',
    kind,
    text: clip(label, TEXT_CAP),
    tag,
    href: get('href'),
    value: get('value'),
    checked: checkable ? get('checked') !== null || get('aria-checked') === 'true' : null,
    disabled: get('disabled') !== null || get('aria-disabled') === 'true',
    inputType: tag === 'input' ? inputTypeOf(get('type')) : null,
    screen: null,
    prominence: null,
  };
}

interface Pass {
  title: string;
  candidates: Candidate[];
  /** Per name attribute: whether any element carries it. */
  present: boolean[];
}

/**
 * The element's names under each name attribute, or null when it has none; notes in `present`
 * which name attributes occur at all.
 */
function namesOf(
  attrs: Readonly<Record<string, string>>,
  present: boolean[],
  scope: string | null,
): (string | undefined)[] | null {
  let names: (string | undefined)[] | null = null;
  for (let i = 0; i < NAME_ATTRIBUTES.length; i++) {
    if (attr(attrs, NAME_ATTRIBUTES[i]!) === null) continue;
    present[i] = true;
    const name = fullNameIn(attrs, scope, NAME_ATTRIBUTES[i]);
    if (name) (names ??= [])[i] = name;
  }
  return names;
}

/** One pass over the HTML: the title and every element carrying a name attribute. */
function read(html: string): Pass {
  const pass: Pass = { title: '', candidates: [], present: NAME_ATTRIBUTES.map(() => false) };
  /** Open elements, each with the name scope inside it (shopsim's own HTML writes scopes). */
  const open: { tag: string; candidate: Candidate | null; scope: string | null }[] = [];
  /** Open candidates whose text is still short enough to grow. */
  let collecting: Candidate[] = [];
  let selects = 0;
  /** The first non-empty <title>'s text while it is read. */
  let title: string | null = null;
  const addText = (text: string): void => {
    if (collecting.length === 0) return;
    let full = false;
    for (const c of collecting) {
      c.text += text;
      if (c.text.length > TEXT_CAP * 2) {
        // squeeze the whitespace; once the text is longer than clip() keeps, more cannot matter
        c.text = c.text.replace(/\s+/g, ' ');
        c.full = c.text.trimStart().length > TEXT_CAP + 1;
        full ||= c.full;
      }
    }
    if (full) collecting = collecting.filter((c) => !c.full);
  };
  readHtml(html, {
    open(tag, attrs) {
      if (!INLINE.has(tag)) addText(' ');
      if (tag === 'select') selects++;
      if (tag === 'title' && !pass.title) title = '';
      const scope = open[open.length - 1]?.scope ?? null;
      const names = namesOf(attrs, pass.present, scope);
      const candidate = names && {
        names,
        element: toElement(tag, attrs, selects > 0),
        text: '',
        value: '',
        full: false,
      };
      if (candidate) {
        pass.candidates.push(candidate);
        collecting.push(candidate);
      }
      open.push({ tag, candidate, scope: innerScope(attrs, scope) });
    },
    close(tag) {
      const { candidate } = open.pop()!;
      if (tag === 'select') selects--;
      if (tag === 'title' && title !== null) {
        pass.title = title;
        title = null;
      }
      if (candidate) {
        collecting = collecting.filter((c) => c !== candidate);
        const { element } = candidate;
        if (tag === 'textarea') element.value = candidate.value;
        element.text ||= clip(candidate.text, TEXT_CAP);
      }
      if (!INLINE.has(tag)) addText(' ');
    },
    text(text) {
      const top = open[open.length - 1];
      if (top?.tag === 'title') {
        if (title !== null) title += text;
        return;
      }
      if (top?.tag === 'textarea' && top.candidate) top.candidate.value += text;
      addText(text);
    },
  });
  return pass;
}

const chosenAttribute = (present: readonly boolean[]): number => {
  const at = present.findIndex((p, i) => p && i < NAME_ATTRIBUTES.length - 1);
  return at >= 0 ? at : NAME_ATTRIBUTES.length - 1;
};

/** Which attribute holds the semantic names in this document. */
export function nameAttributeOf(html: string): string {
  return NAME_ATTRIBUTES[chosenAttribute(read(html).present)]!;
}

/** The page title and every named element (first occurrence of each name), in document order. */
export function extractHtmlSummary(html: string): HtmlSummary {
  const { title, candidates, present } = read(html);
  const by = chosenAttribute(present);
  const seen = new Set<string>();
  const elements: ObservedElement[] = [];
  for (const { names, element } of candidates) {
    const name = names[by];
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    elements.push({ ...element, name });
  }
  return { title: clip(title, TEXT_CAP), elements };
}
