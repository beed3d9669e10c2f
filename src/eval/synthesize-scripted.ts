import { InputFileError, ModelBackendError } from '../errors.js';
import type { RationaleRequest } from './synthesize-prompt.js';
import type { RationaleWriter } from './synthesize-writer.js';
import { readJsonFile } from '../json-file.js';

/**
 * `scripted:<file.json>`: canned rationales, for tests and for replaying rationales written
 * elsewhere. The file holds either
 *   - an array of strings, answered in call order (deterministic with --concurrency 1), or
 *   - an object keyed by "<session_id>#<step index>", with an optional "*" fallback.
 * A null entry, a missing key or a used-up array is a failed call, like a backend error.
 * Answers go through the same cleaning as a real model's.
 */
export class ScriptedRationaleWriter implements RationaleWriter {
  private next = 0;

  private constructor(
    readonly id: string,
    private readonly file: string,
    private readonly script: (string | null)[] | Record<string, string | null>,
  ) {}

  static async load(id: string, file: string): Promise<ScriptedRationaleWriter> {
    const value = readJsonFile(file, 'the scripted rationales');
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : value !== null && typeof value === 'object'
        ? Object.entries(value)
        : null;
    if (!entries) {
      throw new InputFileError(
        file,
        '(root)',
        'give a JSON array of strings or an object of strings.',
      );
    }
    for (const [key, v] of entries) {
      if (v !== null && typeof v !== 'string') {
        throw new InputFileError(file, key, 'each rationale must be a string or null.');
      }
    }
    return new ScriptedRationaleWriter(
      id,
      file,
      value as (string | null)[] | Record<string, string | null>,
    );
  }

  async explain(request: RationaleRequest): Promise<string> {
    const key = `${request.sessionId}#${request.stepIndex}`;
    let text: string | null | undefined;
    if (Array.isArray(this.script)) {
      text = this.script[this.next++];
      if (text === undefined) {
        throw new ModelBackendError(`${this.id}: ${this.file} has no rationale left for ${key}.`);
      }
    } else {
      text = key in this.script ? this.script[key] : this.script['*'];
      if (text === undefined) {
        throw new ModelBackendError(`${this.id}: ${this.file} has no entry "${key}" and no "*".`);
      }
    }
    if (text === null) throw new ModelBackendError(`${this.id}: scripted failure for ${key}.`);
    return text;
  }

  async close(): Promise<void> {}
}
