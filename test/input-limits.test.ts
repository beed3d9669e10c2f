import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { INPUT_LIMITS } from '../src/input-limits.js';
import { loadRecipe } from '../src/observe/recipe.js';
import {
  DEFAULT_PERSONAS_DIR,
  describePersona,
  loadPersonaFile,
  MAX_PERSONA_PROMPT_CHARS,
  Persona,
} from '../src/persona.js';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('input size limits', () => {
  it('refuses a persona over 64 KiB, naming the file and the limit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-size-'));
    const file = path.join(dir, 'huge.json');
    const persona = JSON.parse(
      await readFile(path.join(DEFAULT_PERSONAS_DIR, 'coffee-maker-aisha.json'), 'utf8'),
    ) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...persona, background: 'x'.repeat(70_000) }));
    const error = await loadPersonaFile(file).catch((e: Error) => e.message);
    expect(error).toMatch(
      new RegExp(`^${file}: the persona file is 68.\\d KiB, over the 64 KiB limit`),
    );
    // just under the limit still loads
    await writeFile(file, JSON.stringify({ ...persona, background: 'x'.repeat(60_000) }));
    expect((await loadPersonaFile(file)).background).toHaveLength(60_000);
  });

  it('refuses a recipe or config file over 1 MiB before reading it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-size-'));
    const big = path.join(dir, 'big.json');
    await writeFile(big, `{"rules": [], "pad": "${'x'.repeat(INPUT_LIMITS.recipe)}"}`);
    expect(messageOf(() => loadRecipe(big))).toMatch(
      new RegExp(`^${big}: the recipe is 1(\\.0)? MiB, over the 1 MiB limit for a recipe file`),
    );
    expect(messageOf(() => resolveConfig({ file: big, env: {} }))).toMatch(
      /the config file is 1(\.0)? MiB, over the 1 MiB limit for a config file/,
    );
  });

  it('bounds the persona text a prompt carries', () => {
    const persona = Persona.parse({
      id: 'long',
      display_name: 'Long',
      demographics: { age: 30, gender: 'f', income_band: 'middle', location: 'X' },
      shopping_style: {
        patience: 'low',
        thoroughness: 'low',
        price_sensitivity: 'low',
        brand_loyalty: 'low',
      },
      intent: 'buy a kettle',
      background: 'y'.repeat(50_000),
    });
    const text = describePersona(persona);
    expect(text.length).toBe(MAX_PERSONA_PROMPT_CHARS);
    expect(text).toMatch(/Today: buy a kettle/);
    expect(text).toMatch(/persona cut to its first 6000 characters\)$/);
  });
});
