import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CheckoutProfile, DEFAULT_CHECKOUT } from './checkout-profile.js';
import { InputFileError } from './errors.js';
import { checkInputSize } from './input-limits.js';
import { parseJsonText } from './json-file.js';
import { PACKAGE_ROOT } from './version.js';

/** The bundled personas, used when none are given: found in the package, not in the cwd. */
export const DEFAULT_PERSONAS_DIR = path.join(PACKAGE_ROOT, 'personas');

const Level = z.enum(['low', 'medium', 'high']);

/**
 * What a persona fitted from human sessions (`shopsim personas fit`) stands for: how many
 * sessions of its cohort, their mean behaviour, where they came from.
 */
export const FittedCohort = z
  .object({
    /** Sessions of the cohort. */
    sessions: z.number().int().min(1),
    /** Mean of each behavioural feature over the cohort (steps, shares of sessions, views). */
    means: z.record(z.string(), z.number()),
    /** Most common searches and product pages of the cohort, most common first. */
    top_queries: z.array(z.string()).default([]),
    top_products: z.array(z.string()).default([]),
    /** The human traces the cohorts were fitted on, as given. */
    source: z.array(z.string()).min(1),
  })
  .strict();
export type FittedCohort = z.infer<typeof FittedCohort>;

/** Who the shopper is and what they want today. */
export const Persona = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" and "_"'),
    display_name: z.string().min(1),
    demographics: z.object({
      age: z.number().int().min(13).max(110),
      gender: z.string().min(1),
      income_band: z.enum(['low', 'lower_middle', 'middle', 'upper_middle', 'high']),
      location: z.string().min(1),
    }),
    shopping_style: z.object({
      patience: Level,
      thoroughness: Level,
      price_sensitivity: Level,
      brand_loyalty: Level,
    }),
    /** Today's intent in one or two sentences. */
    intent: z.string().min(1),
    /** Whether the shopper means to buy today or only to browse. */
    goal: z.enum(['buy', 'browse']).default('buy'),
    budget: z.number().positive().nullable().default(null),
    preferred_brands: z.array(z.string()).default([]),
    background: z.string().default(''),
    /** What the shopper types at checkout; DEFAULT_CHECKOUT (a test card) when absent. */
    checkout: CheckoutProfile.optional(),
    /**
     * Share of the audience this persona stands for (0..1). When every persona of a run has one,
     * simulate and ab also report their rates weighted to the audience.
     */
    weight: z.number().min(0).max(1).optional(),
    /** The statistics of a persona fitted from human sessions. */
    fitted: FittedCohort.optional(),
  })
  .strict();
export type Persona = z.infer<typeof Persona>;

/** The checkout details this shopper types: their own profile, else the default test profile. */
export function checkoutProfileOf(persona: Persona | null | undefined): CheckoutProfile {
  return persona?.checkout ?? DEFAULT_CHECKOUT;
}

/** Validates a parsed persona object; errors name the file and the field. */
export function parsePersona(value: unknown, file: string): Persona {
  const result = Persona.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // A misspelled key is reported by its own name, not as a problem of the whole object.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    throw new InputFileError(
      file,
      [...issue.path, ...keys.slice(0, 1)].join('.') || '(root)',
      `${issue.message}. Fix the persona file (see personas/ for examples).`,
    );
  }
  return result.data;
}

export async function loadPersonaFile(file: string): Promise<Persona> {
  checkInputSize(file, 'persona', 'the persona file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputFileError(file, null, 'cannot read the persona file; check the path.');
  }
  return parsePersona(parseJsonText(text, file), file);
}

/** The summary `shopsim personas fit` writes beside its persona files; not a persona itself. */
export const COHORTS_FILE = 'cohorts.json';

/**
 * Loads personas from files and directories (every *.json in a directory, sorted by name, except
 * a fitted cohorts' COHORTS_FILE summary).
 */
export async function loadPersonas(paths: string[]): Promise<Persona[]> {
  const personas: Persona[] = [];
  const files: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new InputFileError(p, null, 'no such persona file or directory.');
    }
    if (info.isDirectory()) {
      const names = (await readdir(p))
        .filter((f) => f.endsWith('.json') && f !== COHORTS_FILE)
        .sort();
      if (names.length === 0)
        throw new InputFileError(p, null, 'directory holds no *.json persona files.');
      for (const f of names) files.push(path.join(p, f));
    } else {
      files.push(p);
    }
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    const persona = await loadPersonaFile(file);
    const first = seen.get(persona.id);
    if (first !== undefined) {
      throw new InputFileError(
        file,
        'id',
        `"${persona.id}" is already the id of ${first}; ids must be unique.`,
      );
    }
    seen.set(persona.id, file);
    personas.push(persona);
  }
  return personas;
}

/**
 * The most persona text a prompt carries. A persona made in code or imported can be any size;
 * the description is cut here (and says so) so every model call stays bounded.
 */
export const MAX_PERSONA_PROMPT_CHARS = 6000;

/** Short text for prompts and reports, at most MAX_PERSONA_PROMPT_CHARS characters. */
export function describePersona(p: Persona): string {
  const text = fullDescription(p);
  if (text.length <= MAX_PERSONA_PROMPT_CHARS) return text;
  const note = ` … (persona cut to its first ${MAX_PERSONA_PROMPT_CHARS} characters)`;
  return text.slice(0, MAX_PERSONA_PROMPT_CHARS - note.length) + note;
}

function fullDescription(p: Persona): string {
  const d = p.demographics;
  const s = p.shopping_style;
  const lines = [
    `${p.display_name}, ${d.age}, ${d.gender}, ${d.location}, income: ${d.income_band.replace('_', ' ')}.`,
    `Shopping style: patience ${s.patience}, thoroughness ${s.thoroughness}, price sensitivity ${s.price_sensitivity}, brand loyalty ${s.brand_loyalty}.`,
    `Today: ${p.intent}`,
    p.goal === 'browse' ? 'Only browsing today; no plan to buy.' : null,
    p.budget !== null ? `Budget: $${p.budget}.` : null,
    p.preferred_brands.length ? `Preferred brands: ${p.preferred_brands.join(', ')}.` : null,
    p.background ? `Background: ${p.background}` : null,
  ];
  return lines.filter(Boolean).join('\n');
}
