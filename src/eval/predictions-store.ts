import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { ShopsimError } from '../errors.js';
import { stepKey } from './eval-items.js';
import { PredictionRecord } from './prediction-record.js';

export const PREDICTIONS_FILE = 'predictions.jsonl';

export interface StoredPredictions {
  /** Readable records by (session_id, step); the first line wins. */
  byKey: Map<string, PredictionRecord>;
  /** Lines that could not be read (e.g. cut off when the run was killed). */
  unreadable: number;
}

/** Reads an evaluation's own predictions.jsonl; a missing file is an empty store. */
export async function readStoredPredictions(file: string): Promise<StoredPredictions> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { byKey: new Map(), unreadable: 0 };
    throw new ShopsimError(`cannot read ${file} (${(error as Error).message}).`);
  }
  const byKey = new Map<string, PredictionRecord>();
  let unreadable = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let parsed;
    try {
      parsed = PredictionRecord.safeParse(JSON.parse(raw));
    } catch {
      unreadable += 1;
      continue;
    }
    if (!parsed.success) {
      unreadable += 1;
      continue;
    }
    const key = stepKey(parsed.data.session_id, parsed.data.step);
    if (!byKey.has(key)) byKey.set(key, parsed.data);
  }
  return { byKey, unreadable };
}

/** Replaces the file with exactly these records (atomically). */
export async function rewritePredictions(file: string, records: PredictionRecord[]): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, records.map((r) => JSON.stringify(r) + '\n').join(''));
  await rename(tmp, file);
}

/**
 * Appends records one line at a time as they complete; writes are serialised so parallel
 * predictions never interleave, and each goes straight to the OS so a killed run keeps them.
 */
export class PredictionAppender {
  private chain: Promise<void> = Promise.resolve();
  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<PredictionAppender> {
    try {
      return new PredictionAppender(await open(file, 'a'));
    } catch (error) {
      throw new ShopsimError(`cannot write ${file} (${(error as Error).message}); check --out.`);
    }
  }

  append(record: PredictionRecord): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    this.chain = this.chain.then(async () => {
      await this.handle.write(line);
    });
    return this.chain;
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    await this.handle.close();
  }
}
