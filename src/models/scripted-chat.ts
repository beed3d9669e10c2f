import { InputFileError, ModelBackendError } from '../errors.js';
import { readJsonFile } from '../json-file.js';
import type { ChatModel, ChatReply, ChatRequest } from './chat.js';

/** One canned answer: raw text, an object sent as its JSON text, or null for a failed call. */
export type ScriptedAnswer = string | Record<string, unknown> | null;

/** Answers in call order, or looked up by the request's key ("*" answers any other key). */
export type ChatScript = ScriptedAnswer[] | Record<string, ScriptedAnswer>;

export interface ScriptedChatOptions {
  /** What `constrained` reports, so tests can see what callers ask of grammar backends. */
  constrained?: boolean;
  /** The script's file, for error messages. */
  file?: string;
}

/**
 * `scripted:<file.json>` for chat callers (synthesize): canned answers, for tests and for
 * replaying answers written elsewhere. A JSON array is answered in call order; a JSON object is
 * keyed by the request's key (synthesize uses "<session_id>#<step>"), with "*" as the fallback.
 * A null answer, a missing key or a used-up array is a failed call, like a backend error.
 * Every request is recorded.
 */
export class ScriptedChat implements ChatModel {
  /** Every request received, in order (messages copied; schemas are shared, zod schemas do not change). */
  readonly requests: ChatRequest[] = [];
  readonly constrained: boolean;
  private next = 0;
  private readonly source: string;

  constructor(
    private readonly script: ChatScript,
    readonly id: string = 'scripted',
    options: ScriptedChatOptions = {},
  ) {
    this.constrained = options.constrained ?? false;
    this.source = options.file ?? 'the script';
  }

  /** Reads a script file; a bad one is an InputFileError naming the file and entry. */
  static fromFile(file: string, options: Omit<ScriptedChatOptions, 'file'> = {}): ScriptedChat {
    const value = readJsonFile(file, 'the scripted answers', '.', 'script');
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : value !== null && typeof value === 'object'
        ? Object.entries(value)
        : null;
    if (!entries) {
      throw new InputFileError(
        file,
        '(root)',
        'give a JSON array of answers, or an object of answers keyed by "<session_id>#<step>".',
      );
    }
    for (const [key, v] of entries) {
      if (v !== null && typeof v !== 'string' && (typeof v !== 'object' || Array.isArray(v))) {
        throw new InputFileError(
          file,
          key,
          'each answer must be a string, a JSON object or null (a failed call).',
        );
      }
    }
    return new ScriptedChat(value as ChatScript, `scripted:${file}`, { ...options, file });
  }

  async chat(request: ChatRequest): Promise<ChatReply> {
    this.requests.push({ ...request, messages: request.messages.map((m) => ({ ...m })) });
    const key = request.key ?? `call ${this.next + 1}`;
    let answer: ScriptedAnswer | undefined;
    if (Array.isArray(this.script)) {
      answer = this.script[this.next++];
      if (answer === undefined) {
        throw new ModelBackendError(
          `${this.id}: ${this.source} has no answer left for ${key}; add answers to the script.`,
        );
      }
    } else {
      const own = request.key && Object.hasOwn(this.script, request.key);
      answer = own ? this.script[request.key!] : this.script['*'];
      if (answer === undefined) {
        throw new ModelBackendError(
          `${this.id}: ${this.source} has no entry "${key}" and no "*"; add one to the script.`,
        );
      }
    }
    if (answer === null) throw new ModelBackendError(`${this.id}: scripted failure for ${key}.`);
    return {
      text: typeof answer === 'string' ? answer : JSON.stringify(answer),
      refusal: null,
      promptTokens: null,
      completionTokens: null,
    };
  }

  async close(): Promise<void> {}
}
