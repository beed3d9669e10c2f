import { z } from 'zod';
import { ModelBackendError } from '../errors.js';
import type { ChatModel, ChatRequest } from '../models/chat.js';
import { buildRationaleMessages, type RationaleRequest } from './prompt.js';
import type { RationaleWriter, RationaleWriterOptions } from './writer.js';

const JSON_HINT = '\n\nAnswer with JSON only: {"rationale": "<the sentence>"}';

/** The answer shape a grammar enforces; cleanRationale unwraps it. */
function rationaleSchema(maxLength: number) {
  return { name: 'rationale', schema: z.object({ rationale: z.string().max(maxLength) }) };
}

/**
 * Rationales from any chat backend of the model registry (openai:, llama:, scripted:). A
 * grammar-constrained backend (a small local model) is held to {"rationale": "..."} with a
 * length cap, a short answer and a low temperature; an API model gets the plain chat (no token
 * cap: reasoning models count hidden reasoning against it; the answer is cut to one sentence).
 */
export class ChatRationaleWriter implements RationaleWriter {
  readonly id: string;

  constructor(
    private readonly chat: ChatModel,
    private readonly options: RationaleWriterOptions,
  ) {
    this.id = chat.id;
  }

  async explain(request: RationaleRequest): Promise<string> {
    const { system, user } = await buildRationaleMessages(request, this.options);
    const tuning = this.options.llama ?? {};
    const constrained = this.chat.constrained;
    const call: ChatRequest = {
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: constrained ? user + JSON_HINT : user },
      ],
      key: `${request.sessionId}#${request.stepIndex}`,
      ...(constrained
        ? {
            schema: rationaleSchema(tuning.maxRationaleLength ?? 300),
            maxTokens: tuning.maxTokens ?? 160,
            temperature: 0.3,
          }
        : {}),
    };
    const reply = await this.chat.chat(call);
    if (!reply.text.trim() && reply.refusal) {
      throw new ModelBackendError(`${this.id} refused to write a rationale: ${reply.refusal}`);
    }
    // an empty answer is asked again by explainStep, like any answer without a usable sentence
    return reply.text;
  }

  close(): Promise<void> {
    return this.chat.close();
  }
}
