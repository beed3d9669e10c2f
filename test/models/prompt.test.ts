import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/errors.js';
import type { HistoryStep } from '../../src/models/model.js';
import { buildPrompt, formatElement } from '../../src/models/prompt.js';
import { DEFAULT_PROMPTS_DIR, loadPromptTemplates } from '../../src/models/template.js';
import type { Observation } from '../../src/observe/observation.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');
const product = loadObservation('product-page');

function page(n: number): Observation {
  return {
    url: `http://shop.test/page-${n}`,
    title: `Page ${n}`,
    html: `<main><p>UNIQUE_HTML_${n}</p></main>`,
    elements: [],
  };
}

function history(count: number): HistoryStep[] {
  return Array.from({ length: count }, (_, i) => ({
    observation: page(i + 1),
    rationale: `reason ${i + 1}`,
    action: { type: 'click', name: `link_${i + 1}` },
    error: i === 0 ? 'element covered by a popup' : null,
  }));
}

describe('buildPrompt', () => {
  it('puts the rules and the persona in the system turn', () => {
    const [system, user] = buildPrompt(makeRequest(home));
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('Maya (test), 34, female, Denver, CO');
    expect(system!.content).toContain('Find lightweight trail running shoes under $100');
    expect(system!.content).toContain('Budget: $100.');
    for (const type of ['"click"', '"type_and_submit"', '"terminate"']) {
      expect(system!.content).toContain(type);
    }
    expect(system!.content).toContain('"rationale"');
    expect(system!.content).not.toContain('<!--');
    expect(user!.role).toBe('user');
  });

  it('uses a default persona line when there is none', () => {
    const [system] = buildPrompt(makeRequest(home, { persona: null }));
    expect(system!.content).toContain('No persona was given');
  });

  it('shows the current page with its HTML and named elements', () => {
    const [, user] = buildPrompt(makeRequest(product));
    expect(user!.content).toContain('This is the first page of your visit');
    expect(user!.content).toContain('URL: http://127.0.0.1:4173/p/trailrunner-2');
    expect(user!.content).toContain('Title: Trailrunner 2 running shoe | Northwind Market');
    expect(user!.content).toContain(product.html);
    expect(user!.content).toContain(
      '- product_form.options.size.10 (radio, checked) "10" value="10"',
    );
    expect(user!.content).toContain(
      '- product_form.add_to_cart (button, type=submit) "Add to cart"',
    );
    expect(user!.content).toContain('(step 1)');
    expect(user!.content).not.toContain('previous answer was rejected');
  });

  it('gives full HTML for the last historyPages steps only, URL and title for older ones', () => {
    const [, user] = buildPrompt(makeRequest(home, { history: history(4), historyPages: 2 }));
    const text = user!.content;
    for (const n of [1, 2]) {
      expect(text).not.toContain(`UNIQUE_HTML_${n}`);
      expect(text).toContain(`Page: Page ${n} (http://shop.test/page-${n})`);
    }
    for (const n of [3, 4]) {
      expect(text).toContain(`UNIQUE_HTML_${n}`);
      expect(text).toContain(`URL: http://shop.test/page-${n}`);
    }
    for (const n of [1, 2, 3, 4]) {
      expect(text).toContain(`### Step ${n}`);
      expect(text).toContain(`Your reason: reason ${n}`);
      expect(text).toContain(`Your action: click link_${n}`);
    }
    expect(text).toContain('the action failed: element covered by a popup');
    expect(text).toContain('(step 5)');
    // History comes before the current page.
    expect(text.indexOf('### Step 4')).toBeLessThan(text.indexOf('The page you see now'));
  });

  it('defaults to the last page only, and historyPages 0 gives no old HTML', () => {
    const one = buildPrompt(makeRequest(home, { history: history(3) }))[1]!.content;
    expect(one).not.toContain('UNIQUE_HTML_2');
    expect(one).toContain('UNIQUE_HTML_3');
    const none = buildPrompt(makeRequest(home, { history: history(3), historyPages: 0 }))[1]!
      .content;
    expect(none).not.toContain('UNIQUE_HTML_');
  });

  it('adds the feedback lines after the page', () => {
    const [, user] = buildPrompt(
      makeRequest(home, {
        feedback: [
          { answer: 'Answer 1', problem: 'no JSON', rejectedName: null },
          { answer: 'Answer 2', problem: 'no element named "x"', rejectedName: 'x' },
        ],
      }),
    );
    expect(user!.content).toContain('Your previous answer was rejected');
    expect(user!.content).toContain('- Answer 1: no JSON\n- Answer 2: no element named "x"');
    expect(user!.content.indexOf('rejected')).toBeGreaterThan(
      user!.content.indexOf('Named elements'),
    );
  });

  it('leaves {{...}} inside page content alone', () => {
    const tricky = { ...page(9), html: '<p>{{persona}} {{feedback}}</p>' };
    const [, user] = buildPrompt(makeRequest(tricky));
    expect(user!.content).toContain('<p>{{persona}} {{feedback}}</p>');
  });

  it('formats element state', () => {
    expect(formatElement({ ...home.elements[8]! })).toBe(
      '- newsletter.subscribe (button, type=submit, disabled) "Subscribe"',
    );
  });
});

describe('prompt templates', () => {
  it('loads from the package prompts/ directory', () => {
    const t = loadPromptTemplates();
    expect(t.system.file).toBe(path.join(DEFAULT_PROMPTS_DIR, 'system.md'));
    expect(t.step.text).toContain('{{elements}}');
  });

  it('reports an unknown placeholder with the file and the field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-prompts-'));
    for (const name of ['system', 'step', 'history-step', 'feedback']) {
      await writeFile(
        path.join(dir, `${name}.md`),
        await readFile(path.join(DEFAULT_PROMPTS_DIR, `${name}.md`), 'utf8'),
      );
    }
    await writeFile(path.join(dir, 'feedback.md'), 'Rejected: {{problem}}');
    expect(() => loadPromptTemplates(dir)).toThrow(InputFileError);
    expect(() => loadPromptTemplates(dir)).toThrow(
      /feedback\.md, field "\{\{problem\}\}": unknown placeholder.*\{\{problems\}\}/,
    );
  });

  it('rejects a step template that wraps {{html}} in its own fence', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-prompts-'));
    for (const name of ['system', 'history-step', 'feedback']) {
      await writeFile(
        path.join(dir, `${name}.md`),
        await readFile(path.join(DEFAULT_PROMPTS_DIR, `${name}.md`), 'utf8'),
      );
    }
    await writeFile(path.join(dir, 'step.md'), 'Page:\n```html\n{{html}}\n```\n{{elements}}');
    expect(() => loadPromptTemplates(dir)).toThrow(
      /step\.md, field "\{\{html\}\}": the page HTML brings its own code fence/,
    );
  });

  it('takes a template file the folder lacks from the bundled prompts (--prompts fallback)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-prompts-'));
    expect(loadPromptTemplates(dir).system.file).toBe(path.join(DEFAULT_PROMPTS_DIR, 'system.md'));
  });

  it('custom templates are used by buildPrompt', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-prompts-'));
    await writeFile(path.join(dir, 'system.md'), '<!-- doc -->\nYou are: {{persona}}');
    await writeFile(path.join(dir, 'step.md'), '{{url}}|{{elements}}{{feedback}}');
    await writeFile(path.join(dir, 'history-step.md'), '{{number}}');
    await writeFile(path.join(dir, 'feedback.md'), '{{problems}}');
    const [system, user] = buildPrompt(makeRequest(home, { persona: null }), {
      templates: loadPromptTemplates(dir),
    });
    expect(system!.content).toBe(
      'You are: No persona was given: act like a typical online shopper with an everyday errand.',
    );
    expect(user!.content.startsWith('http://127.0.0.1:4173/|- nav_bar.home_link (link)')).toBe(
      true,
    );
  });
});
