import { readFile } from 'node:fs/promises';
import { InputFileError, ModelBackendError } from '../errors.js';
import { checkInputSize } from '../input-limits.js';
import { parseJsonText } from '../json-file.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';

/** One canned answer: raw text, or an object sent as its JSON text. */
export type ScriptedResponse = string | Record<string, unknown>;

/**
 * Replays canned model responses in order and records every request it got. For tests, demos
 * and reproducing a model's bad answers: `scripted:<file>` reads a JSON array of responses.
 */
export class ScriptedModel implements SimulatorModel {
  /** Every request received, in order (deep copies, safe to inspect later). */
  readonly requests: PredictRequest[] = [];
  private next = 0;

  constructor(
    private readonly responses: ScriptedResponse[],
    readonly id: string = 'scripted',
  ) {}

  /** Reads a JSON array of strings and/or objects. Bad files name the file and entry. */
  static async fromFile(file: string): Promise<ScriptedModel> {
    checkInputSize(file, 'script', 'the script of model responses');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new InputFileError(
        file,
        null,
        'cannot read the script of model responses; check the path.',
      );
    }
    const value = parseJsonText(text, file);
    if (!Array.isArray(value)) {
      throw new InputFileError(
        file,
        null,
        'must hold a JSON array of responses (strings or objects).',
      );
    }
    value.forEach((entry, i) => {
      if (
        typeof entry !== 'string' &&
        (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      ) {
        throw new InputFileError(
          file,
          `[${i}]`,
          'each response must be a string or a JSON object.',
        );
      }
    });
    return new ScriptedModel(value as ScriptedResponse[], `scripted:${file}`);
  }

  /** How many responses are left. */
  get remaining(): number {
    return this.responses.length - this.next;
  }

  async predict(request: PredictRequest): Promise<ModelReply> {
    this.requests.push(structuredClone(request));
    if (this.next >= this.responses.length) {
      throw new ModelBackendError(
        `${this.id}: the script ran out after ${this.responses.length} response(s); ` +
          'add more responses to the script or lower maxSteps.',
      );
    }
    const response = this.responses[this.next++]!;
    return {
      text: typeof response === 'string' ? response : JSON.stringify(response),
      promptTokens: null,
      completionTokens: null,
    };
  }

  async close(): Promise<void> {}
}
