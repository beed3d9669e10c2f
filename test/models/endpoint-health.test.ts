import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelBackendError, UsageError } from '../../src/errors.js';
import {
  deadEndpoint,
  fatalFailure,
  forgetDeadEndpoints,
} from '../../src/models/endpoint-health.js';
import { OpenAIChatModel } from '../../src/models/openai.js';
import { createModel } from '../../src/models/spec.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');
const valid = JSON.stringify({ rationale: 'r', action: { type: 'terminate' } });

/** A base URL on 127.0.0.1 where nothing listens (a port that was just free). */
async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/v1`;
}

async function failure(run: () => Promise<unknown>): Promise<{ error: Error }> {
  const error = (await run().then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  )) as Error;
  return { error };
}

/** Starts listening on the refused URL's port, counting every request that reaches it. */
async function listenOn(
  baseUrl: string,
): Promise<{ requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = createHttpServer((_req, res) => {
    requests++;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(new URL(baseUrl).port), '127.0.0.1', resolve),
  );
  return {
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  forgetDeadEndpoints();
});

describe('endpoint health', () => {
  it('a refused port: the first call fails after retries, later calls at once, same message', async () => {
    const baseUrl = await refusedBaseUrl();
    const m = new OpenAIChatModel('m', { baseUrl, maxRetries: 1, env: {} });
    const first = await failure(() => m.predict(makeRequest(home)));
    expect(first.error).toBeInstanceOf(ModelBackendError);
    expect(first.error.message).toContain('connection refused');
    expect(first.error.message).toContain(baseUrl);
    expect(first.error.message).toMatch(/--base-url or OPENAI_BASE_URL/);
    expect(first.error.message).toMatch(/unusable for the rest of the run/);

    // something listens there now: a dead endpoint is not asked again in this run
    const listener = await listenOn(baseUrl);
    try {
      const second = await failure(() => m.predict(makeRequest(home)));
      expect(second.error).toBeInstanceOf(ModelBackendError);
      expect(second.error.message).toBe(first.error.message);

      // another model object (another session) on the same base URL fails at once too
      const other = await createModel('openai:m', { baseUrl, openai: { maxRetries: 1 } });
      const third = await failure(() => other.predict(makeRequest(home)));
      expect(third.error.message).toBe(first.error.message);
      expect(listener.requests()).toBe(0);
    } finally {
      await listener.close();
    }
  });

  it('a 401 marks the server dead; the server is asked only once', async () => {
    server = await startFakeOpenAIServer({ fallback: { status: 401, error: 'bad key' } });
    const m = new OpenAIChatModel('m', { baseUrl: server.baseUrl, maxRetries: 2 });
    const first = await failure(() => m.predict(makeRequest(home)));
    expect(first.error.message).toMatch(/HTTP 401.*OPENAI_API_KEY.*unusable/);
    const again = new OpenAIChatModel('other-model', { baseUrl: server.baseUrl });
    const second = await failure(() => again.predict(makeRequest(home)));
    expect(second.error.message).toBe(
      first.error.message.replace('openai:m:', 'openai:other-model:'),
    );
    expect(server.completions).toHaveLength(1);
  });

  it('a 404 marks only that model dead at that server', async () => {
    server = await startFakeOpenAIServer({
      fallback: (body) =>
        body.model === 'missing' ? { status: 404, error: 'no such model' } : { content: valid },
    });
    const missing = new OpenAIChatModel('missing', { baseUrl: server.baseUrl });
    const first = await failure(() => missing.predict(makeRequest(home)));
    expect(first.error.message).toMatch(/HTTP 404.*serves model "missing".*unusable/);
    expect((await failure(() => missing.predict(makeRequest(home)))).error.message).toBe(
      first.error.message,
    );
    expect(server.completions).toHaveLength(1);
    const present = new OpenAIChatModel('present', { baseUrl: server.baseUrl });
    expect((await present.predict(makeRequest(home))).text).toBe(valid);
  });

  it('failures a retry may fix (5xx, 429, timeouts) mark nothing', async () => {
    server = await startFakeOpenAIServer({
      replies: [{ status: 503, error: 'busy' }, { content: valid }],
    });
    const m = new OpenAIChatModel('m', { baseUrl: server.baseUrl, maxRetries: 0 });
    expect((await failure(() => m.predict(makeRequest(home)))).error.message).toMatch(/HTTP 503/);
    expect(deadEndpoint(server.baseUrl, 'm')).toBeNull();
    expect((await m.predict(makeRequest(home))).text).toBe(valid);
    expect(fatalFailure({ status: 429 })).toBeNull();
    expect(fatalFailure(new Error('Request timed out.'))).toBeNull();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(fatalFailure(new Error('Connection error.', { cause: reset }))).toBeNull();
  });

  it('recognizes DNS failures and refusals inside cause chains and AggregateErrors', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND x.invalid'), { code: 'ENOTFOUND' });
    expect(
      fatalFailure(
        new Error('Connection error.', { cause: new Error('fetch failed', { cause: dns }) }),
      ),
    ).toMatchObject({
      scope: 'server',
      reason: 'host name not found (DNS) (getaddrinfo ENOTFOUND x.invalid)',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:80'), {
      code: 'ECONNREFUSED',
    });
    expect(fatalFailure(new Error('x', { cause: new AggregateError([refused]) }))?.scope).toBe(
      'server',
    );
  });
});

describe('a missing OpenAI key', () => {
  it('is a UsageError when the model is created, not at the first call', async () => {
    await expect(createModel('openai:gpt-4.1-mini', { env: {} })).rejects.toThrow(UsageError);
    await expect(createModel('openai:gpt-4.1-mini', { env: {} })).rejects.toThrow(
      /Set OPENAI_API_KEY, or pass --base-url .*local/,
    );
  });

  it('is fine with a key, or with a base URL for a local server', async () => {
    const key = await createModel('openai:m', { env: { OPENAI_API_KEY: 'sk-test' } });
    expect(key.id).toBe('openai:m');
    const local = await createModel('openai:m', {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' },
    });
    expect(local.id).toBe('openai:m');
    expect(new OpenAIChatModel('m', { baseUrl: 'http://127.0.0.1:1/v1', env: {} }).baseUrl).toBe(
      'http://127.0.0.1:1/v1',
    );
  });
});
