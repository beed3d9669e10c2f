import type OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { ModelBackendError, UsageError } from '../errors.js';
import { answerReplySchema } from './answer-schema.js';
import { deadEndpoint, fatalFailure, markEndpointDead } from './endpoint-health.js';
import type { ChatModel, ChatReply, ChatRequest, ReplySchema } from './chat.js';
import { predictWithChat } from './chat-predict.js';
import { portableJsonSchema } from './json-schema.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';

export interface OpenAIModelOptions {
  /** Server base URL, e.g. http://127.0.0.1:8080/v1. Default: OPENAI_BASE_URL, else OpenAI. */
  baseUrl?: string | null;
  /**
   * Default: OPENAI_API_KEY. Required for OpenAI itself; with a base URL it defaults to
   * "not-needed" (local servers ignore it).
   */
  apiKey?: string | null;
  /** Per request, each retry included. Default 60 s. */
  timeoutMs?: number | null;
  /** Retries on 408/409/429/5xx and connection errors, with exponential backoff. Default 3. */
  maxRetries?: number;
  env?: NodeJS.ProcessEnv;
  seed?: number | null;
  /** Default for requests that set none. */
  temperature?: number | null;
  /** Default for requests that set none. */
  maxTokens?: number | null;
  /**
   * 'auto' (default): requests with a schema ask for JSON-schema structured output, and fall
   * back to plain prompting (remembered for this model object) if the server rejects
   * response_format.
   */
  structuredOutput?: 'auto' | 'on' | 'off';
}

/** A reply schema in OpenAI strict structured-output form. */
export function openAIResponseFormat(reply: ReplySchema) {
  return {
    type: 'json_schema',
    json_schema: {
      name: reply.name,
      strict: true,
      schema: portableJsonSchema(reply.schema, 'anyOf'),
    },
  } as const;
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** What a simulator step asks for: the answer schema without name lists (they are in the prompt). */
export const OPENAI_RESPONSE_FORMAT = openAIResponseFormat(answerReplySchema());

/**
 * `openai:<model>`: any OpenAI-compatible chat completions endpoint (OpenAI, vLLM, llama.cpp
 * server, Ollama, LM Studio, ...). The SDK is loaded on first use.
 */
export class OpenAIChatModel implements SimulatorModel, ChatModel {
  readonly id: string;
  readonly constrained = false;
  /** Where requests go: the option, else OPENAI_BASE_URL, else OpenAI's API. */
  readonly baseUrl: string;
  private readonly apiKey: string;
  private client: OpenAI | null = null;
  /** null = not known yet; false after the server rejected response_format once. */
  private structured: boolean | null;

  constructor(
    readonly model: string,
    private readonly options: OpenAIModelOptions = {},
  ) {
    this.id = `openai:${model}`;
    const env = options.env ?? process.env;
    const baseUrl = options.baseUrl || env.OPENAI_BASE_URL || null;
    const apiKey = options.apiKey || env.OPENAI_API_KEY || null;
    if (!apiKey && !baseUrl) {
      throw new UsageError(
        `${this.id}: no API key for OpenAI. Set OPENAI_API_KEY, or pass --base-url (or set ` +
          'OPENAI_BASE_URL) for a local OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1.',
      );
    }
    this.baseUrl = baseUrl ?? OPENAI_BASE_URL;
    this.apiKey = apiKey ?? 'not-needed';
    const mode = options.structuredOutput ?? 'auto';
    this.structured = mode === 'off' ? false : mode === 'on' ? true : null;
  }

  /** Whether schemas are sent as response_format (false after a fallback). */
  get usesStructuredOutput(): boolean {
    return this.structured !== false;
  }

  predict(request: PredictRequest): Promise<ModelReply> {
    return predictWithChat(this, request);
  }

  async chat(request: ChatRequest): Promise<ChatReply> {
    const dead = deadEndpoint(this.baseUrl, this.model);
    if (dead) throw new ModelBackendError(`${this.id}: ${dead}`);
    const client = await this.getClient();
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.model,
      messages: request.messages,
    };
    const { seed } = this.options;
    const temperature = request.temperature ?? this.options.temperature;
    const maxTokens = request.maxTokens ?? this.options.maxTokens;
    if (seed !== undefined && seed !== null) body.seed = seed;
    if (temperature !== undefined && temperature !== null) body.temperature = temperature;
    if (maxTokens) body.max_completion_tokens = maxTokens;
    const structured = request.schema && this.structured !== false;

    let completion;
    try {
      completion = await client.chat.completions.create(
        structured ? { ...body, response_format: openAIResponseFormat(request.schema!) } : body,
      );
    } catch (error) {
      if (structured && this.structured === null && rejectsResponseFormat(error)) {
        this.structured = false;
        completion = await client.chat.completions.create(body).catch((e: unknown) => {
          throw this.backendError(e);
        });
      } else {
        throw this.backendError(error);
      }
    }
    if (structured && this.structured === null) this.structured = true;

    const message = this.checkedChoices(completion)[0]?.message;
    return {
      text: message?.content ?? '',
      refusal: message?.refusal ?? null,
      promptTokens: completion.usage?.prompt_tokens ?? null,
      completionTokens: completion.usage?.completion_tokens ?? null,
    };
  }

  /**
   * The completion's choices. A server that answers 200 with something else (an HTML error page,
   * a cut-off body, JSON without choices) gets a clear error instead of a TypeError.
   */
  private checkedChoices(completion: unknown): ChatCompletion['choices'] {
    const choices = (completion as { choices?: unknown } | null)?.choices;
    if (Array.isArray(choices)) return choices as ChatCompletion['choices'];
    const seen = typeof completion === 'string' ? completion : JSON.stringify(completion);
    throw new ModelBackendError(
      `${this.id}: the server at ${this.baseUrl} answered with something that is not a chat ` +
        `completion (${JSON.stringify(String(seen).slice(0, 80))}); check that it is an ` +
        'OpenAI-compatible endpoint and that it is healthy.',
    );
  }

  async close(): Promise<void> {
    // the SDK keeps no open handles between requests
    this.client = null;
  }

  private async getClient(): Promise<OpenAI> {
    if (this.client) return this.client;
    const { OpenAI: Client } = await import('openai');
    this.client = new Client({
      baseURL: this.baseUrl,
      apiKey: this.apiKey,
      timeout: this.options.timeoutMs ?? 60_000,
      maxRetries: this.options.maxRetries ?? 3,
    });
    return this.client;
  }

  /**
   * Turns an SDK failure into a ModelBackendError that says what to check. A failure no retry
   * can fix marks the endpoint dead: later calls, in every session, fail at once with the same
   * message.
   */
  private backendError(error: unknown): ModelBackendError {
    const e = error as { status?: number; message?: string };
    const where = this.baseUrl;
    const status = e.status;
    const fatal = fatalFailure(error);
    let hint = 'check the server and the model name.';
    if (status === 401 || status === 403) hint = 'check OPENAI_API_KEY.';
    else if (status === 404)
      hint = `check that the server at ${where} serves model "${this.model}".`;
    else if (status === 429) hint = 'rate limited even after retries; lower --concurrency or wait.';
    else if (status === undefined)
      hint = `check that a server is running at ${where} (set --base-url or OPENAI_BASE_URL).`;
    const what = fatal && status === undefined ? fatal.reason : (e.message ?? String(error));
    const reason = `request failed${status ? ` with HTTP ${status}` : ''}: ${what}; ${hint}`;
    if (!fatal) return new ModelBackendError(`${this.id}: ${reason}`);
    const message =
      `${reason} This endpoint is marked unusable for the rest of the run` +
      `${fatal.scope === 'model' ? ` (for model "${this.model}")` : ''}: later calls fail at once.`;
    markEndpointDead(this.baseUrl, this.model, fatal, message);
    return new ModelBackendError(`${this.id}: ${deadEndpoint(this.baseUrl, this.model)}`);
  }
}

/** A 400 whose message says the server does not support response_format / JSON schema. */
function rejectsResponseFormat(error: unknown): boolean {
  const e = error as { status?: number; message?: string };
  return e?.status === 400 && /response_format|json_schema|structured/i.test(e.message ?? '');
}
