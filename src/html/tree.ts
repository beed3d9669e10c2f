import type { HtmlNode } from './node.js';
import { readHtml } from './read.js';

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Parses HTML into a tree (read.ts has the rules). Adjacent text pieces are one "#text" node, so
 * "10&#45;cup" reads as "10-cup"; script and style elements are kept without their code.
 */
export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = {
    tag: '#root',
    attrs: NO_ATTRIBUTES,
    children: [],
    parent: null,
    text: '',
  };
  let top = root;
  readHtml(html, {
    open(tag, attrs) {
      const element: HtmlNode = { tag, attrs, children: [], parent: top, text: '' };
      top.children.push(element);
      top = element;
    },
    close() {
      top = top.parent!;
    },
    text(text) {
      const last = top.children[top.children.length - 1];
      if (last?.tag === '#text') last.text += text;
      else
        top.children.push({ tag: '#text', attrs: NO_ATTRIBUTES, children: [], parent: top, text });
    },
  });
  return root;
}
