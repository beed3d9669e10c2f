import type OpenAI from 'openai';
import { ModelBackendError } from '../errors.js';
import { createOpenAIClient, openAIBackendError } from '../models/openai-client.js';
import { buildRationaleMessages, type RationaleRequest } from './synthesize-prompt.js';
import type { RationaleWriter, RationaleWriterOptions } from './synthesize-writer.js';

/**
 * Rationales from an OpenAI chat model, or any OpenAI-compatible server (vLLM, llama.cpp server,
 * Ollama) given with --base-url. The key comes from OPENAI_API_KEY; local servers need none.
 */
export class OpenAiRationaleWriter implements RationaleWriter {
  private constructor(
    readonly id: string,
    private readonly model: string,
    private readonly client: OpenAI,
    private readonly options: RationaleWriterOptions,
  ) {}

  static async create(
    id: string,
    model: string,
    options: RationaleWriterOptions,
  ): Promise<OpenAiRationaleWriter> {
    const client = await createOpenAIClient(options);
    return new OpenAiRationaleWriter(id, model, client, options);
  }

  async explain(request: RationaleRequest): Promise<string> {
    const messages = await buildRationaleMessages(request, this.options);
    // No max_completion_tokens: reasoning models count hidden reasoning against it and would
    // answer nothing; the answer is cut to one sentence anyway.
    let completion;
    try {
      completion = await this.client.chat.completions.create({
        model: this.model,
        messages: [
          { role: 'system', content: messages.system },
          { role: 'user', content: messages.user },
        ],
      });
    } catch (error) {
      throw this.backendError(error);
    }
    const message = completion.choices[0]?.message;
    if (!message?.content?.trim() && message?.refusal) {
      throw new ModelBackendError(`${this.id} refused to write a rationale: ${message.refusal}`);
    }
    // an empty answer is asked again by explainStep, like any answer without a usable sentence
    return message?.content ?? '';
  }

  private backendError(error: unknown): ModelBackendError {
    return openAIBackendError(this.id, this.model, this.client.baseURL, error);
  }

  async close(): Promise<void> {
    // the SDK keeps no open handles between requests
  }
}
