import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KNOWN_EFFECTS } from '../../../src/ab/suite/known-effects.js';
import { runSuite, suiteOptions, type SuiteResult } from '../../../src/ab/suite/run-suite.js';
import { openSite, type OpenedSite } from '../../../src/cli/site.js';
import { DEFAULT_CONFIG } from '../../../src/config.js';
import { loadPersonas } from '../../../src/persona.js';
import { readTraces } from '../../../src/traces/reader.js';
import type { Trace } from '../../../src/traces/schema.js';

let tmp: string;
let site: OpenedSite;
let result: SuiteResult;
const effects = KNOWN_EFFECTS.filter((e) => e.arm === 'buy-below' || e.expect === 'none');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'shopsim-suite-'));
  site = await openSite('builtin', null, 1);
  const personas = await loadPersonas([path.resolve('personas/coffee-maker-aisha.json')]);
  result = await runSuite(
    suiteOptions(site, {
      suite: 'known-effects',
      effects,
      config: { ...DEFAULT_CONFIG, model: 'heuristic', maxSteps: 8, out: path.join(tmp, 'suite') },
      by: { kind: 'query', name: 'variant' },
      personas,
      sessions: 1,
      maxPairs: null,
      untilDecided: false,
    }),
  );
}, 120_000);
afterAll(async () => {
  await site?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Where the product page put its add-to-cart button, in screens, in one arm's trace. */
function buyButtonScreen(trace: Trace): number | null {
  for (const step of trace.steps) {
    const button = step.observation?.elements.find((e) => e.name === 'product_form.add_to_cart');
    if (button) return button.screen;
  }
  return null;
}

it('runs each entry as its own paired preview against a and judges it', async () => {
  expect(result.verdicts.map((v) => v.arm)).toEqual(['buy-below', 'a-again']);
  expect(result.ran).toBe(2);
  for (const v of result.verdicts) expect(v.pairs).toBe(1);
  // one pair cannot be significant: the change is not found, and A/A holds
  expect(result.verdicts[0]).toMatchObject({ expect: 'lower', significant: false, found: false });
  expect(result.verdicts[1]).toMatchObject({ expect: 'none', significant: false, found: true });
  expect(result.found).toBe(1);
  const json = JSON.parse(await readFile(path.join(tmp, 'suite', 'suite.json'), 'utf8'));
  expect(json.verdicts).toHaveLength(2);
  const md = await readFile(path.join(tmp, 'suite', 'suite.md'), 'utf8');
  expect(md).toMatch(/Expectation held in 1 of 2 entries/);
  expect(md).toMatch(/add-to-cart pushed below a long product story/);
});

it('observes the moved buy button below the first screen in the buy-below arm only', async () => {
  const [control] = await readTraces(path.join(tmp, 'suite', 'buy-below', 'a'));
  const [moved] = await readTraces(path.join(tmp, 'suite', 'buy-below', 'buy-below'));
  expect(buyButtonScreen(control!)).toBeLessThan(1);
  expect(buyButtonScreen(moved!)).toBeGreaterThanOrEqual(1);
  expect(moved!.steps[0]!.url).toContain('variant=buy-below');
  // the A/A arm is variant a under another name: the same pages, the same actions
  const [a] = await readTraces(path.join(tmp, 'suite', 'a-again', 'a'));
  const [again] = await readTraces(path.join(tmp, 'suite', 'a-again', 'a-again'));
  expect(again!.steps.map((s) => s.action)).toEqual(a!.steps.map((s) => s.action));
});
