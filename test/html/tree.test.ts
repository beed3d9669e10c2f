import { describe, expect, it } from 'vitest';
import { ancestors, attr, contains, walk, type HtmlNode } from '../../src/html/node.js';
import { parseHtml } from '../../src/html/tree.js';
import { textOf } from '../../src/models/heuristic/html.js';

/** The tree in one line: `tag(children)`, text as "quoted", whitespace-only text left out. */
function outline(node: HtmlNode): string {
  const inner = (n: HtmlNode): string =>
    n.children
      .filter((c) => c.tag !== '#text' || c.text.trim())
      .map((c) => (c.tag === '#text' ? JSON.stringify(c.text.trim()) : outline(c)))
      .join(' ');
  return node.tag === '#root' ? inner(node) : `${node.tag}(${inner(node)})`;
}
const shape = (html: string): string => outline(parseHtml(html));

describe('parseHtml', () => {
  it('closes list items, cells, options, definitions and paragraphs left open', () => {
    expect(shape('<ul><li><a href=/a>A</a> <b>$1<li>B<ul><li>B1<li>B2</ul><li>C</ul>')).toBe(
      'ul(li(a("A") b("$1")) li("B" ul(li("B1") li("B2"))) li("C"))',
    );
    expect(shape('<table><tr><td>1<td><b>2<tr><th>H<td>3</table>')).toBe(
      'table(tr(td("1") td(b("2"))) tr(th("H") td("3")))',
    );
    expect(shape('<select><option>One<option><i>Two</i><optgroup><option>3</select>')).toBe(
      'select(option("One") option(i("Two")) optgroup(option("3")))',
    );
    expect(shape('<dl><dt>Size<dd>M<dt>Color<dd>Red</dl><p>one<p><b>two<p>three')).toBe(
      'dl(dt("Size") dd("M") dt("Color") dd("Red")) p("one") p(b("two")) p("three")',
    );
  });

  it('decodes character references in text and attributes', () => {
    const root = parseHtml(
      '<p title="Tom &amp; Jerry &quot;&euro;5&quot;">Tom &amp; Jerry &euro;5 &#8364;5 &#x20AC;5 ' +
        '&hellip; 10&#45;cup &rsquo; &bogus;</p>',
    );
    const p = root.children[0]!;
    expect(p.attrs['title']).toBe('Tom & Jerry "€5"');
    // adjacent pieces are one text node, so "10&#45;cup" stays one word
    expect(p.children.map((c) => c.text)).toEqual(['Tom & Jerry €5 €5 €5 … 10-cup ’ &bogus;']);
  });

  it('reads invalid references as the replacement character, as browsers do, without throwing', () => {
    expect(textOf(parseHtml('<p>bad &#x110000; ref &#0;</p>'))).toBe('bad \uFFFD ref \uFFFD');
  });

  it('lowercases tag and attribute names, keeps the first of a repeated attribute', () => {
    const [div] = parseHtml('<DIV ID=A Class="x" data-x="1" DATA-X=2 disabled>t</DIV>').children;
    expect(div!.tag).toBe('div');
    expect(div!.attrs).toEqual({ id: 'A', class: 'x', 'data-x': '1', disabled: '' });
    expect(attr(div!.attrs, 'disabled')).toBe('');
    expect(attr(div!.attrs, 'constructor')).toBeNull();
    expect(shape('<img alt="A &amp; B"/><br><span/>after<input name=q>x')).toBe(
      'img() br() span() "after" input() "x"',
    );
  });

  it('ignores a form inside a form, as browsers do, and keeps its controls', () => {
    expect(shape('<form action=/s><form name=inner><input name=q></form><p>after')).toBe(
      'form(input()) p("after")',
    );
  });

  it('keeps script and style without their code, and raw text of textarea and title', () => {
    const root = parseHtml(
      '<title>T &amp; U</title><script>if (a < b) x("<li>")</script><style>p{}</style>' +
        '<textarea>a <b> &lt;</textarea>',
    );
    expect(outline(root)).toBe('title("T & U") script() style() textarea("a <b> <")');
  });

  it('survives broken and cut-off markup', () => {
    expect(shape('<div><span>cut</div></span><a href="/x">x</a></b></i><div class="trun')).toBe(
      'div(span("cut")) a("x")',
    );
    expect(shape('<ul><li>one<li>two')).toBe('ul(li("one") li("two"))');
    expect(shape('text < more <!-- <a>not</a> --> <!doctype html><![CDATA[x]]>')).toBe(
      '"text < more"',
    );
    expect(shape('')).toBe('');
  });

  it('links parents, so ancestors, contains and walk see the same tree', () => {
    const root = parseHtml('<form><label>Q <input name=q></label></form><p>x</p>');
    const tags: string[] = [];
    walk(root, (n) => tags.push(n.tag));
    expect(tags).toEqual(['#root', 'form', 'label', '#text', 'input', 'p', '#text']);
    const input = root.children[0]!.children[0]!.children[1]!;
    expect(ancestors(input).map((n) => n.tag)).toEqual(['label', 'form', '#root']);
    expect(contains(root.children[0]!, input)).toBe(true);
    expect(contains(root.children[1]!, input)).toBe(false);
  });
});
