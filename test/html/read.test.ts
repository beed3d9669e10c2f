import { expect, it } from 'vitest';
import { readHtml } from '../../src/html/read.js';

/** The reader's events as a list: "<tag", ">tag" (close), and text. */
function events(html: string): string[] {
  const out: string[] = [];
  readHtml(html, {
    open: (tag) => out.push(`<${tag}`),
    close: (tag) => out.push(`>${tag}`),
    text: (text) => out.push(text),
  });
  return out;
}

it('reports strictly nested events, even for unbalanced and cut-off HTML', () => {
  const inputs = [
    '<ul><li><a href=/x>one<li>two</a></ul></div>',
    '<table><tr><td><b>1<td>2<tr><td>3',
    '<li><span>x<li>y</span><div class="cut',
    '<p><div><p>a</b><p>b',
    '<svg><path/><title>T</title></svg><form><form><input></form></form>',
    '<a href="/x',
  ];
  for (const html of inputs) {
    const stack: string[] = [];
    for (const event of events(html)) {
      if (event.startsWith('<')) stack.push(event.slice(1));
      else if (event.startsWith('>')) expect(stack.pop(), `${html}: ${event}`).toBe(event.slice(1));
    }
    expect(stack, html).toEqual([]);
  }
});

it('closes an open list item through the inline elements inside it', () => {
  expect(events('<ul><li><a href=/x>one<li>two</ul>')).toEqual([
    '<ul', '<li', '<a', 'one', '>a', '>li', '<li', 'two', '>li', '>ul',
  ]); // prettier-ignore
});

it('leaves out the code of scripts and styles, and tags named like Object members', () => {
  expect(
    events('<script>var a = "<b>";</script><style>b{}</style><constructor>x</constructor>'),
  ).toEqual(['<script', '>script', '<style', '>style', '<constructor', 'x', '>constructor']);
});
