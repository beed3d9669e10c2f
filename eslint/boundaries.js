/**
 * Import boundaries of shopsim's layers, as ESLint rules (used by eslint.config.js and tested by
 * test/lint-boundaries.test.ts):
 *   - only src/browser imports Playwright, and src/testing its test runner (`playwright/test`,
 *     for the `shopsim/test` fixture);
 *   - only src/models imports model SDKs (openai, node-llama-cpp);
 *   - src/eval, src/synthesize, src/traces and src/export never import the browser layer;
 *   - src/session, src/record and src/replay never import src/agent (what they share lives below).
 * Type-only imports count too: a layer that names Playwright's types depends on Playwright.
 */
const PLAYWRIGHT = {
  group: ['playwright', 'playwright/*', 'playwright-core', 'playwright-core/*', '@playwright/*'],
  message: 'Only src/browser imports Playwright; use the browser layer (src/browser) instead.',
};
/** src/testing may name Playwright Test (`playwright/test`, `@playwright/test`), nothing else of it. */
const PLAYWRIGHT_BUT_TEST = {
  regex: '^(@playwright/(?!test$)[^/]+|playwright(?!/test$)(-core)?)(/.*)?$',
  message:
    'src/testing imports only Playwright Test (playwright/test); browser work goes through src/browser.',
};
const MODEL_SDKS = {
  group: ['openai', 'openai/*', 'node-llama-cpp', 'node-llama-cpp/*'],
  message: 'Only src/models imports model SDKs; go through the model registry (src/models).',
};
const BROWSER_LAYER = {
  group: ['**/browser/*', '**/browser'],
  message:
    'eval, synthesize, traces and export work on traces, never on a live browser; move the code or pass data in.',
};

const AGENT = {
  group: ['**/agent/*', '**/agent'],
  message:
    'The session loop, the recorder and replay sit below src/agent; move what they share to src/session.',
};

const NO_BROWSER = new Set(['eval', 'synthesize', 'traces', 'export']);
const NO_AGENT = new Set(['session', 'record', 'replay']);

/** The restricted patterns for files of one top-level folder of src/ (null: files in src/ itself). */
function patternsFor(folder) {
  const patterns = [];
  if (folder === 'testing') patterns.push(PLAYWRIGHT_BUT_TEST);
  else if (folder !== 'browser') patterns.push(PLAYWRIGHT);
  if (folder !== 'models') patterns.push(MODEL_SDKS);
  if (NO_BROWSER.has(folder)) patterns.push(BROWSER_LAYER);
  if (NO_AGENT.has(folder)) patterns.push(AGENT);
  return patterns;
}

const rule = (folder) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternsFor(folder) }],
});

/** Flat-config entries, one per layer; each file matches exactly one of them. */
export function boundaryConfigs(folders) {
  return [
    { files: ['src/*.ts', 'sites/**/*.ts'], rules: rule(null) },
    ...folders.map((folder) => ({ files: [`src/${folder}/**/*.ts`], rules: rule(folder) })),
  ];
}
