import type OpenAI from 'openai';
import { ModelBackendError } from '../errors.js';

export interface OpenAIClientOptions {
  /** Server base URL, e.g. http://127.0.0.1:8080/v1. Default: OPENAI_BASE_URL, else OpenAI. */
  baseUrl?: string | null;
  /** Default: OPENAI_API_KEY, else "not-needed" (local servers ignore it). */
  apiKey?: string | null;
  /** Per request, each retry included. Default 60 s. */
  timeoutMs?: number | null;
  /** Retries on 408/409/429/5xx and connection errors, with exponential backoff. Default 3. */
  maxRetries?: number;
  env?: NodeJS.ProcessEnv;
}

/** The SDK client for any OpenAI-compatible server; the SDK is loaded on first use. */
export async function createOpenAIClient(options: OpenAIClientOptions): Promise<OpenAI> {
  const { OpenAI: Client } = await import('openai');
  const env = options.env ?? process.env;
  return new Client({
    baseURL: options.baseUrl || env.OPENAI_BASE_URL || undefined,
    apiKey: options.apiKey || env.OPENAI_API_KEY || 'not-needed',
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 3,
  });
}

/** Turns an SDK failure into a ModelBackendError that says what to check. */
export function openAIBackendError(
  id: string,
  model: string,
  baseUrl: string | null,
  error: unknown,
): ModelBackendError {
  const e = error as { status?: number; message?: string };
  const where = baseUrl ?? 'the server';
  const status = e.status;
  let hint = 'check the server and the model name.';
  if (status === 401 || status === 403) hint = 'check OPENAI_API_KEY.';
  else if (status === 404) hint = `check that the server at ${where} serves model "${model}".`;
  else if (status === 429) hint = 'rate limited even after retries; lower --concurrency or wait.';
  else if (status === undefined)
    hint = `check that a server is running at ${where} (set --base-url or OPENAI_BASE_URL).`;
  return new ModelBackendError(
    `${id}: request failed${status ? ` with HTTP ${status}` : ''}: ${e.message ?? String(error)}; ${hint}`,
  );
}
