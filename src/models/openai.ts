import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { ModelBackendError } from '../errors.js';
import { answerJsonSchema } from './answer-schema.js';
import type { ModelReply, PredictRequest, SimulatorModel } from './model.js';
import {
  createOpenAIClient,
  openAIBackendError,
  type OpenAIClientOptions,
} from './openai-client.js';
import { buildPrompt } from './prompt.js';

export interface OpenAIModelOptions extends OpenAIClientOptions {
  seed?: number | null;
  temperature?: number | null;
  maxTokens?: number | null;
  /**
   * 'auto' (default): ask for JSON-schema structured output, and fall back to plain prompting
   * (remembered for this model object) if the server rejects response_format.
   */
  structuredOutput?: 'auto' | 'on' | 'off';
}

/** The answer schema in OpenAI strict structured-output form (name lists are not sent). */
export const OPENAI_RESPONSE_FORMAT = {
  type: 'json_schema',
  json_schema: { name: 'shopper_step', strict: true, schema: answerJsonSchema({ union: 'anyOf' }) },
} as const;

/**
 * `openai:<model>`: any OpenAI-compatible chat completions endpoint (OpenAI, vLLM, llama.cpp
 * server, Ollama, LM Studio, ...). The SDK is loaded on first use.
 */
export class OpenAIChatModel implements SimulatorModel {
  readonly id: string;
  private client: OpenAI | null = null;
  /** null = not known yet; false after the server rejected response_format once. */
  private structured: boolean | null;

  constructor(
    readonly model: string,
    private readonly options: OpenAIModelOptions = {},
  ) {
    this.id = `openai:${model}`;
    const mode = options.structuredOutput ?? 'auto';
    this.structured = mode === 'off' ? false : mode === 'on' ? true : null;
  }

  /** Whether answers are requested with a JSON schema (false after a fallback). */
  get usesStructuredOutput(): boolean {
    return this.structured !== false;
  }

  async predict(request: PredictRequest): Promise<ModelReply> {
    const client = await this.getClient();
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.model,
      messages: buildPrompt(request),
    };
    if (this.options.seed !== undefined && this.options.seed !== null)
      body.seed = this.options.seed;
    if (this.options.temperature !== undefined && this.options.temperature !== null)
      body.temperature = this.options.temperature;
    if (this.options.maxTokens) body.max_completion_tokens = this.options.maxTokens;

    let completion;
    try {
      completion = await client.chat.completions.create(
        this.structured === false ? body : { ...body, response_format: OPENAI_RESPONSE_FORMAT },
      );
    } catch (error) {
      if (this.structured === null && rejectsResponseFormat(error)) {
        this.structured = false;
        completion = await client.chat.completions.create(body).catch((e: unknown) => {
          throw this.backendError(e);
        });
      } else {
        throw this.backendError(error);
      }
    }
    if (this.structured === null) this.structured = true;

    const message = completion.choices[0]?.message;
    return {
      text: message?.content ?? message?.refusal ?? '',
      promptTokens: completion.usage?.prompt_tokens ?? null,
      completionTokens: completion.usage?.completion_tokens ?? null,
    };
  }

  async close(): Promise<void> {
    this.client = null;
  }

  private async getClient(): Promise<OpenAI> {
    this.client ??= await createOpenAIClient(this.options);
    return this.client;
  }

  private backendError(error: unknown): ModelBackendError {
    return openAIBackendError(this.id, this.model, this.client?.baseURL ?? null, error);
  }
}

/** A 400 whose message says the server does not support response_format / JSON schema. */
function rejectsResponseFormat(error: unknown): boolean {
  const e = error as { status?: number; message?: string };
  return e?.status === 400 && /response_format|json_schema|structured/i.test(e.message ?? '');
}
