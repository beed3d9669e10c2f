import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible HTTP server for tests: POST /v1/chat/completions answers from a
 * programmable queue, every request is recorded, and JSON-schema structured output can be
 * switched off (then requests carrying response_format json_schema get a 400, as many local
 * servers do). Listens on 127.0.0.1, port 0 (a free port).
 */

/** One programmed reply. */
export type FakeReply =
  /** A normal chat completion whose message content is `content`. */
  | { content: string; promptTokens?: number; completionTokens?: number; delayMs?: number }
  /** An OpenAI-style error body with this status (429 and 5xx are retried by the SDK). */
  | { status: number; error: string; headers?: Record<string, string>; delayMs?: number }
  /** Anything else: raw body text with this status. */
  | { status: number; body: string; contentType?: string; delayMs?: number };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body (null when the body was not JSON). */
  body: ChatRequestBody | null;
}

/** The parts of a chat completions request tests look at. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: unknown };
  };
  seed?: number;
  temperature?: number;
  [key: string]: unknown;
}

export interface FakeOpenAIServerOptions {
  /** Whether response_format {type: "json_schema"} is accepted. Default true. */
  supportsJsonSchema?: boolean;
  /** Replies served in order. */
  replies?: FakeReply[];
  /** Used when the queue is empty; default: a 500 error saying no reply was queued. */
  fallback?: FakeReply | ((body: ChatRequestBody) => FakeReply);
}

export interface FakeOpenAIServer {
  /** Base URL including /v1, for the SDK's baseURL. */
  baseUrl: string;
  port: number;
  /** Every request received, chat completions and others, in order. */
  requests: RecordedRequest[];
  /** Only the chat completion requests that were answered from the queue or fallback. */
  readonly completions: ChatRequestBody[];
  supportsJsonSchema: boolean;
  enqueue(...replies: FakeReply[]): void;
  /** Replies still queued. */
  readonly pending: number;
  close(): Promise<void>;
}

const NO_REPLY: FakeReply = { status: 500, error: 'fake OpenAI server: no reply queued' };

export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const queue: FakeReply[] = [...(options.replies ?? [])];
  const requests: RecordedRequest[] = [];
  const completions: ChatRequestBody[] = [];
  let counter = 0;

  const state = { supportsJsonSchema: options.supportsJsonSchema ?? true };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: ChatRequestBody | null = null;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody;
    } catch {
      body = null;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });

    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, errorBody(`no route ${req.method} ${path}`, 'not_found'));
    }
    if (!body || !Array.isArray(body.messages)) {
      return sendJson(res, 400, errorBody('body must be JSON with a messages array', null));
    }
    if (body.response_format?.type === 'json_schema' && !state.supportsJsonSchema) {
      return sendJson(
        res,
        400,
        errorBody(
          "response_format of type 'json_schema' is not supported by this server",
          'response_format',
        ),
      );
    }
    completions.push(body);
    const reply =
      queue.shift() ??
      (typeof options.fallback === 'function' ? options.fallback(body) : options.fallback) ??
      NO_REPLY;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if ('content' in reply) {
      counter++;
      return sendJson(res, 200, {
        id: `chatcmpl-fake-${counter}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.content, refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: reply.promptTokens ?? 100,
          completion_tokens: reply.completionTokens ?? 20,
          total_tokens: (reply.promptTokens ?? 100) + (reply.completionTokens ?? 20),
        },
      });
    }
    if ('error' in reply) {
      // retry-after-ms keeps the SDK's backoff short in tests.
      const headers = { 'retry-after-ms': '5', ...reply.headers };
      return sendJson(res, reply.status, errorBody(reply.error, null), headers);
    }
    res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' });
    res.end(reply.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get completions() {
      return completions;
    },
    get supportsJsonSchema() {
      return state.supportsJsonSchema;
    },
    set supportsJsonSchema(value: boolean) {
      state.supportsJsonSchema = value;
    },
    enqueue: (...replies) => void queue.push(...replies),
    get pending() {
      return queue.length;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function errorBody(message: string, param: string | null): unknown {
  return { error: { message, type: 'invalid_request_error', param, code: null } };
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}
