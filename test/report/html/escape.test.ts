import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../../src/report/html/escape.js';

describe('html templates', () => {
  it('escape every interpolated value, nested templates and arrays kept as markup', () => {
    const evil = '<script>alert("x")</script> & \'quoted\'';
    const page = html`<p title="${evil}">${evil}</p>
      ${[html`<b>${'<i>'}</b>`, null, false]}`;
    expect(page.value.replace(/>\s+</g, '><')).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</p><b>&lt;i&gt;</b>',
    );
    expect(html`${trusted('<svg></svg>')}`.value).toBe('<svg></svg>');
    expect(escapeHtml('a"b')).toBe('a&quot;b');
  });
});
