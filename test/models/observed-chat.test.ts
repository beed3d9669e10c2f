import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatReply, ChatRequest } from '../../src/models/chat.js';
import { forgetDeadEndpoints } from '../../src/models/endpoint-health.js';
import { createModel } from '../../src/models/spec.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';

const answer = JSON.stringify({
  rationale: 'Shoes are what I came for.',
  action: { type: 'click', name: 'categories.shoes' },
});

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await server.close();
  forgetDeadEndpoints();
});

describe('onExchange model option', () => {
  it('tells the observer each prompt the simulator sends and the raw answer', async () => {
    server.enqueue({ content: answer });
    const seen: [ChatRequest, ChatReply][] = [];
    const model = await createModel('openai:test-model', {
      baseUrl: server.baseUrl,
      env: {},
      onExchange: (request, reply) => seen.push([request, reply]),
    });
    await model.predict(makeRequest(loadObservation('home-page')));
    await model.close();
    expect(seen).toHaveLength(1);
    const [request, reply] = seen[0]!;
    // what the observer saw is what went over the wire
    expect(request.messages).toEqual(server.completions[0]!.messages);
    expect(request.messages[0]!.role).toBe('system');
    expect(reply.text).toBe(answer);
  });

  it('leaves a model without an observer unwrapped', async () => {
    const model = await createModel('openai:test-model', { baseUrl: server.baseUrl, env: {} });
    expect(Object.prototype.hasOwnProperty.call(model, 'chat')).toBe(false);
    await model.close();
  });
});
