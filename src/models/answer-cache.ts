import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { InputFileError } from '../errors.js';

/** One stored answer: what the model said, and the tokens it cost when it was first made. */
export const CacheEntry = z.object({
  version: z.literal(1),
  key: z.string(),
  model: z.string(),
  text: z.string(),
  refusal: z.string().nullable(),
  promptTokens: z.number().int().min(0).nullable(),
  completionTokens: z.number().int().min(0).nullable(),
  created_at: z.string(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;

/** What a cache did during one run. */
export interface CacheStats {
  /** Calls answered from the folder (no model call made). */
  hits: number;
  /** Calls that went to the model; their answers were stored. */
  misses: number;
  /** Tokens the cached answers cost when they were first made (null: never reported). */
  savedPromptTokens: number | null;
  savedCompletionTokens: number | null;
}

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

/**
 * A folder of model answers, one JSON file per key (<dir>/<2 hex>/<sha256>.json). Keys are the
 * sha256 of the canonical JSON of whatever identifies a call (cached-chat.ts decides). Files are
 * written to a temporary name and renamed, so parallel sessions (or runs) sharing the folder
 * never see half a file; two writers of one key leave one whole answer.
 */
export class AnswerCache {
  readonly stats: CacheStats = {
    hits: 0,
    misses: 0,
    savedPromptTokens: null,
    savedCompletionTokens: null,
  };

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<AnswerCache> {
    const resolved = path.resolve(dir);
    try {
      await mkdir(resolved, { recursive: true });
    } catch (error) {
      throw new InputFileError(
        resolved,
        null,
        `cannot create the --cache folder (${(error as Error).message}); give a writable folder.`,
      );
    }
    return new AnswerCache(resolved);
  }

  /** The key of a call's identifying parts. */
  keyOf(parts: unknown): string {
    return createHash('sha256').update(canonicalJson(parts)).digest('hex');
  }

  private fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The stored answer for `key` (counted as a hit), or null (a miss, counted by `put`). */
  async get(key: string): Promise<CacheEntry | null> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let parsed: ReturnType<typeof CacheEntry.safeParse>;
    try {
      parsed = CacheEntry.safeParse(JSON.parse(text));
    } catch {
      parsed = CacheEntry.safeParse(null);
    }
    if (!parsed.success || parsed.data.key !== key) {
      throw new InputFileError(
        file,
        null,
        'this cache entry is not a shopsim cached answer; delete the file (or the --cache ' +
          'folder) and run again.',
      );
    }
    const entry = parsed.data;
    this.stats.hits++;
    this.stats.savedPromptTokens = add(this.stats.savedPromptTokens, entry.promptTokens);
    this.stats.savedCompletionTokens = add(
      this.stats.savedCompletionTokens,
      entry.completionTokens,
    );
    return entry;
  }

  /** Stores a fresh answer (a miss). */
  async put(entry: CacheEntry): Promise<void> {
    this.stats.misses++;
    const file = this.fileOf(entry.key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temporary, JSON.stringify(entry, null, 2) + '\n');
    await rename(temporary, file);
  }
}
