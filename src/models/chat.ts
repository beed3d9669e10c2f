import type { AnswerFit } from './chat-predict.js';
import { z } from 'zod';

/** One turn of a chat. */
export const ChatMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** Structured output: the reply must be one JSON value matching `schema`. */
export interface ReplySchema {
  /** A short identifier some APIs require, e.g. "shopper_step". */
  name: string;
  /** Converted by each backend to its own JSON-schema dialect (portableJsonSchema). */
  schema: z.ZodType;
}

/** One chat call. Unset tuning fields use the backend's configured defaults. */
export interface ChatRequest {
  messages: ChatMessage[];
  /** Ask for JSON matching this schema (API structured output, or a grammar for local models). */
  schema?: ReplySchema | null;
  maxTokens?: number | null;
  temperature?: number | null;
  /**
   * A stable name for the request, e.g. "<session_id>#<step>" in synthesize. Backends ignore it,
   * except the scripted one, which can look its canned answer up by it.
   */
  key?: string | null;
}

/** What one chat call returned. */
export interface ChatReply {
  /** The answer text ('' when there was none). */
  text: string;
  /** The model's refusal message, when it refused instead of answering. */
  refusal: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
}

/**
 * The one chat call every language-model backend implements (openai, llama, scripted). The
 * simulator's LLM path (predictWithChat) and rationale synthesis both go through it.
 */
export interface ChatModel {
  /** The spec string the model was made from, e.g. "openai:gpt-4.1-mini". */
  readonly id: string;
  /**
   * True when the backend decodes under a grammar built from the request's schema (local
   * models): the answer always matches the schema, and tight schemas (page names, length caps)
   * cost nothing. False for API backends, which may fall back to free text.
   */
  readonly constrained: boolean;
  /** How the simulator fits the answer schema to each page for this backend (default: loosely). */
  readonly answerFit?: AnswerFit;
  /** Transport failures become ModelBackendError (after the backend's own retries). */
  chat(request: ChatRequest): Promise<ChatReply>;
  /** Releases sockets, model weights, ... */
  close(): Promise<void>;
}
