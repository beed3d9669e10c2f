import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelBackendError } from '../../src/errors.js';
import { decide } from '../../src/models/decide.js';
import { forgetDeadEndpoints } from '../../src/models/endpoint-health.js';
import { OpenAIChatModel } from '../../src/models/openai.js';
import { createModel } from '../../src/models/spec.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');
const valid = JSON.stringify({
  rationale: 'Shoes are what I came for.',
  action: { type: 'click', name: 'categories.shoes' },
});

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await server.close();
  // a closed test server's port may be handed to the next one
  forgetDeadEndpoints();
});

function model(options: ConstructorParameters<typeof OpenAIChatModel>[1] = {}): OpenAIChatModel {
  return new OpenAIChatModel('test-model', { baseUrl: server.baseUrl, maxRetries: 2, ...options });
}

describe('openai backend', () => {
  it('asks for JSON-schema structured output and returns text and usage', async () => {
    server.enqueue({ content: valid, promptTokens: 812, completionTokens: 31 });
    const m = model({ seed: 7, temperature: 0.2, env: {} });
    const reply = await m.predict(makeRequest(home));
    expect(reply).toEqual({ text: valid, promptTokens: 812, completionTokens: 31 });

    const body = server.completions[0]!;
    expect(body.model).toBe('test-model');
    expect(body.seed).toBe(7);
    expect(body.temperature).toBe(0.2);
    expect(body.messages.map((msg) => msg.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toContain('nav_bar.search_input');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema?.strict).toBe(true);
    const schema = JSON.stringify(body.response_format?.json_schema?.schema);
    expect(schema).toContain('type_and_submit');
    expect(schema).toContain('"anyOf"');
    expect(schema).not.toContain('minLength');
    // apiKey defaults to a placeholder for local servers.
    expect(server.requests[0]!.headers.authorization).toBe('Bearer not-needed');
    expect(m.usesStructuredOutput).toBe(true);
  });

  it('falls back to plain prompting when the server rejects response_format, and remembers', async () => {
    server.supportsJsonSchema = false;
    server.enqueue({ content: valid }, { content: valid });
    const m = model();
    expect((await m.predict(makeRequest(home))).text).toBe(valid);
    expect(m.usesStructuredOutput).toBe(false);
    await m.predict(makeRequest(home));
    const chat = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chat.map((r) => r.body?.response_format?.type ?? null)).toEqual([
      'json_schema',
      null,
      null,
    ]);
  });

  it('retries a 429 with backoff, then succeeds', async () => {
    server.enqueue({ status: 429, error: 'Rate limit reached' }, { content: valid });
    const reply = await model().predict(makeRequest(home));
    expect(reply.text).toBe(valid);
    expect(server.completions).toHaveLength(2);
    expect(server.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
  });

  it('retries a 500, and gives up with a ModelBackendError after maxRetries', async () => {
    server.enqueue(
      { status: 500, error: 'boom' },
      { status: 503, error: 'overloaded' },
      { status: 502, error: 'bad gateway' },
    );
    const error = await model({ maxRetries: 2 })
      .predict(makeRequest(home))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelBackendError);
    expect((error as Error).message).toMatch(/openai:test-model: request failed with HTTP 502/);
    expect(server.completions).toHaveLength(3);
  });

  it('does not retry a 401 and says what to check', async () => {
    server.enqueue({ status: 401, error: 'Incorrect API key' });
    const error = await model()
      .predict(makeRequest(home))
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/HTTP 401.*OPENAI_API_KEY/);
    expect(server.completions).toHaveLength(1);
  });

  it('reports an unreachable server as a backend error naming the URL', async () => {
    const url = server.baseUrl;
    await server.close();
    server = await startFakeOpenAIServer();
    const m = new OpenAIChatModel('x', { baseUrl: url, maxRetries: 0, timeoutMs: 2000 });
    const error = await m.predict(makeRequest(home)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelBackendError);
    expect((error as Error).message).toContain(url);
  });

  it('names a 200 answer that is not a chat completion, instead of a TypeError', async () => {
    server.enqueue(
      { status: 200, body: '<html><h1>Bad Gateway</h1></html>', contentType: 'text/html' },
      { status: 200, body: '{"object": "error"}', contentType: 'application/json' },
    );
    for (let i = 0; i < 2; i++) {
      const error = await model({ env: {} })
        .predict(makeRequest(home))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelBackendError);
      expect((error as Error).message).toMatch(
        /answered with something that is not a chat completion/,
      );
    }
  });

  it('times out a slow server', async () => {
    server.enqueue({ content: valid, delayMs: 2000 });
    const m = model({ timeoutMs: 200, maxRetries: 0 });
    const error = await m.predict(makeRequest(home)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelBackendError);
    expect((error as Error).message).toMatch(/timed out/i);
  });

  it('through decide(): garbage, then a wrong name, then a valid answer', async () => {
    server.enqueue(
      { content: 'Sure! I would click on shoes.', promptTokens: 500, completionTokens: 10 },
      {
        content: '{"rationale":"r","action":{"type":"click","name":"shoes"}}',
        promptTokens: 540,
        completionTokens: 12,
      },
      { content: valid, promptTokens: 580, completionTokens: 14 },
    );
    const m = await createModel('openai:test-model', { baseUrl: server.baseUrl });
    const decision = await decide(m, makeRequest(home), { maxAttempts: 3 });
    expect(decision.action).toEqual({ type: 'click', name: 'categories.shoes' });
    expect(decision.usage).toMatchObject({
      prompt_tokens: 1620,
      completion_tokens: 36,
      attempts: 3,
    });
    const prompts = server.completions.map((b) => b.messages[1]!.content);
    expect(prompts[0]).not.toContain('rejected');
    expect(prompts[1]).toContain('no JSON object found');
    expect(prompts[2]).toContain('no element named "shoes"');
    await m.close();
  });

  it('chat(): plain requests send no response_format; request tuning overrides the defaults', async () => {
    server.enqueue({ content: 'Hello.', promptTokens: 9, completionTokens: 2 });
    const m = model({ temperature: 0.2, maxTokens: 50 });
    const reply = await m.chat({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: 'Again?' },
      ],
      temperature: 0.9,
      maxTokens: 7,
    });
    expect(reply).toEqual({ text: 'Hello.', refusal: null, promptTokens: 9, completionTokens: 2 });
    const body = server.completions[0]!;
    expect(body.messages.map((msg) => msg.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(body.response_format).toBeUndefined();
    expect(body.temperature).toBe(0.9);
    expect(body.max_completion_tokens).toBe(7);
    // a plain request says nothing about structured output support
    expect(m.usesStructuredOutput).toBe(true);
  });

  it('reads the base URL and key from the environment', async () => {
    server.enqueue({ content: valid });
    const m = new OpenAIChatModel('env-model', {
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test-123' },
    });
    await m.predict(makeRequest(home));
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
  });
});
