import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputFileError } from '../errors.js';
import { PACKAGE_ROOT } from '../version.js';

/** The prompt templates and the placeholders each may use. */
const TEMPLATE_PLACEHOLDERS = {
  system: ['persona'],
  step: ['history', 'step_number', 'url', 'title', 'html', 'elements', 'feedback'],
  'history-step': ['number', 'page', 'rationale', 'action', 'result'],
  feedback: ['problems'],
} as const;
/** Placeholders an edited template must keep: without them the model misses what it acts on. */
const REQUIRED_PLACEHOLDERS: Record<TemplateName, readonly string[]> = {
  system: ['persona'],
  step: ['elements'],
  'history-step': [],
  feedback: ['problems'],
};
export type TemplateName = keyof typeof TEMPLATE_PLACEHOLDERS;
export type PromptTemplates = Record<TemplateName, { file: string; text: string }>;

export const DEFAULT_PROMPTS_DIR = path.join(PACKAGE_ROOT, 'prompts');

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
/** {{html}} right after a fence line: a template written before {{html}} brought its own fence. */
const FENCED_HTML = /^[ \t]*(?:`{3,}|~{3,})[^\n]*\n[ \t]*\{\{\s*html\s*\}\}/m;
const cache = new Map<string, PromptTemplates>();

/**
 * Reads `<dir>/<name>.md` for every template (cached per directory); a file an edited `dir`
 * lacks comes from the bundled prompts/. HTML comments are dropped, so templates can document
 * themselves. Unknown placeholders, and a missing required one, are errors naming file and field.
 */
export function loadPromptTemplates(dir: string = DEFAULT_PROMPTS_DIR): PromptTemplates {
  const cached = cache.get(dir);
  if (cached) return cached;
  const templates = {} as PromptTemplates;
  if (dir !== DEFAULT_PROMPTS_DIR && !existsSync(dir)) {
    throw new InputFileError(
      dir,
      null,
      'no such prompts folder; give the folder holding your edited system.md, step.md, ... (--prompts).',
    );
  }
  for (const name of Object.keys(TEMPLATE_PLACEHOLDERS) as TemplateName[]) {
    const own = path.join(dir, `${name}.md`);
    const file = existsSync(own) ? own : path.join(DEFAULT_PROMPTS_DIR, `${name}.md`);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      throw new InputFileError(file, null, `cannot read the prompt template "${name}.md".`);
    }
    const text = raw.replace(/<!--[\s\S]*?-->\s*/g, '');
    const known: readonly string[] = TEMPLATE_PLACEHOLDERS[name];
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (!known.includes(match[1]!)) {
        throw new InputFileError(
          file,
          `{{${match[1]}}}`,
          `unknown placeholder; this template may use ${known.map((k) => `{{${k}}}`).join(', ')}.`,
        );
      }
    }
    const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));
    const missing = REQUIRED_PLACEHOLDERS[name].find((key) => !used.has(key));
    if (missing) {
      throw new InputFileError(
        file,
        `{{${missing}}}`,
        `this template must use {{${missing}}}; put it back where it should appear.`,
      );
    }
    if (FENCED_HTML.test(text)) {
      throw new InputFileError(
        file,
        '{{html}}',
        'the page HTML brings its own code fence (one the page cannot close); remove the ``` ' +
          'lines around {{html}}.',
      );
    }
    templates[name] = { file, text };
  }
  cache.set(dir, templates);
  return templates;
}

/** Fills {{placeholders}} in one pass, so values containing "{{...}}" are left alone. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}
