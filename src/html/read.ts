import { Parser } from 'htmlparser2';

/**
 * The one HTML reader: htmlparser2 tokenizes (entities decoded, tag and attribute names
 * lowercased, raw text of script/style/title/textarea, void and self-closing elements, comments
 * and doctypes skipped) and builds the open-element stack with its implied end tags. On top of
 * that, a list item, definition, table row or cell, option or paragraph closes an open one of the
 * same kind up to its container even when other elements are still open inside it, as browsers
 * do: compact simplified HTML and dataset HTML leave those end tags out.
 *
 * Consumers get a strictly nested stream of events; the tree (tree.ts) and the dataset importer
 * (src/importers/html-elements.ts) are both built on it. Cut-off and unbalanced HTML is fine:
 * stray end tags are ignored and what is open at the end is closed.
 */
export interface HtmlVisitor {
  /** An element starts, as the child of the innermost open element. */
  open(tag: string, attrs: Readonly<Record<string, string>>): void;
  /** The innermost open element ends; every open gets exactly one close. */
  close(tag: string): void;
  /** Decoded text in the innermost open element (one run may come in several pieces). */
  text(text: string): void;
}

interface ImpliedEnd {
  /** Open elements the new one closes... */
  same: ReadonlySet<string>;
  /** ...unless one of these lies in between. */
  boundary: ReadonlySet<string>;
}

const rule = (same: string, boundary: string): ImpliedEnd => ({
  same: new Set(same.split(' ')),
  boundary: new Set(boundary.split(' ')),
});
const IMPLIED_END: ReadonlyMap<string, ImpliedEnd> = new Map([
  ['li', rule('li', 'ul ol menu')],
  ['dt', rule('dt dd', 'dl')],
  ['dd', rule('dt dd', 'dl')],
  ['tr', rule('tr', 'table tbody thead tfoot')],
  ['td', rule('td th', 'tr table')],
  ['th', rule('td th', 'tr table')],
  ['option', rule('option', 'select datalist optgroup')],
  ['p', rule('p', 'button caption table td th template object')],
]);

/** Elements whose text is code, not page text: their text is not reported. */
const CODE = new Set(['script', 'style']);

/** Reads `html`, reporting its elements and text to `visitor` in document order. */
export function readHtml(html: string, visitor: HtmlVisitor): void {
  // our open elements (tags and ids), and htmlparser2's; ours are always a subset of its
  const tags: string[] = [];
  const ids: number[] = [];
  const parserTags: string[] = [];
  const parserIds: number[] = [];
  let nextId = 0;
  const closeTo = (depth: number): void => {
    while (tags.length > depth) {
      ids.pop();
      visitor.close(tags.pop()!);
    }
  };
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const implied = IMPLIED_END.get(tag);
        if (implied) {
          for (let i = tags.length - 1; i >= 0; i--) {
            if (implied.boundary.has(tags[i]!)) break;
            if (implied.same.has(tags[i]!)) {
              closeTo(i);
              break;
            }
          }
        }
        const id = nextId++;
        tags.push(tag);
        ids.push(id);
        parserTags.push(tag);
        parserIds.push(id);
        visitor.open(tag, attrs);
      },
      onclosetag(tag) {
        // a tag cut off by the end of the input was pushed by htmlparser2 but never opened
        if (parserTags[parserTags.length - 1] !== tag) return;
        parserTags.pop();
        const at = ids.lastIndexOf(parserIds.pop()!);
        if (at >= 0) closeTo(at); // else already closed by an implied end above
      },
      ontext(text) {
        const top = tags[tags.length - 1];
        if (top === undefined || !CODE.has(top)) visitor.text(text);
      },
    },
    { recognizeSelfClosing: true },
  );
  parser.end(html);
  closeTo(0);
}
