import { describe, expect, it } from 'vitest';
import { ModelBackendError, ModelOutputError } from '../../src/errors.js';
import { decide } from '../../src/models/decide.js';
import { formatFeedbackEntry } from '../../src/models/feedback.js';
import type { ModelReply, PredictRequest, SimulatorModel } from '../../src/models/model.js';
import { buildPrompt } from '../../src/models/prompt.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');

describe('decide', () => {
  it('accepts a valid first answer and reports usage', async () => {
    const model = new ScriptedModel([
      { rationale: ' I want shoes. ', action: { type: 'click', name: 'categories.shoes' } },
    ]);
    const decision = await decide(model, makeRequest(home), { maxAttempts: 3 });
    expect(decision.action).toEqual({ type: 'click', name: 'categories.shoes' });
    expect(decision.rationale).toBe('I want shoes.');
    expect(decision.raw).toContain('categories.shoes');
    expect(decision.usage.attempts).toBe(1);
    expect(decision.usage.prompt_tokens).toBeNull();
    expect(decision.usage.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('takes a name copied from a scope in the HTML as the one full name it ends', async () => {
    const model = new ScriptedModel([
      { rationale: 'Shoes.', action: { type: 'click', name: '.shoes' } },
    ]);
    const decision = await decide(model, makeRequest(home), { maxAttempts: 1 });
    expect(decision.action).toEqual({ type: 'click', name: 'categories.shoes' });
    expect(decision.usage.attempts).toBe(1);
  });

  it('feeds each rejection back to the model and recovers', async () => {
    const model = new ScriptedModel([
      'I think I will look around.',
      { rationale: 'r', action: { type: 'click', name: 'categories.sandals' } },
      { rationale: 'r', action: { type: 'click', name: 'nav_bar.search_input' } },
      {
        rationale: 'search',
        action: { type: 'type_and_submit', name: 'nav_bar.search_input', text: 'trail shoes' },
      },
    ]);
    const decision = await decide(model, makeRequest(home), { maxAttempts: 4 });
    expect(decision.action).toEqual({
      type: 'type_and_submit',
      name: 'nav_bar.search_input',
      text: 'trail shoes',
    });
    expect(decision.usage.attempts).toBe(4);

    const feedback = model.requests.map((r) => r.feedback.map(formatFeedbackEntry));
    expect(feedback[0]).toEqual([]);
    expect(feedback[1]).toHaveLength(1);
    expect(feedback[1]![0]).toMatch(/^Answer 1 \("I think I will look around\."\): no JSON object/);
    expect(feedback[2]![1]).toMatch(
      /no element named "categories\.sandals".*similar names: categories\.shoes/,
    );
    expect(feedback[3]![2]).toMatch(/text field; clicking it does nothing.*type_and_submit/);
    // The feedback reaches the prompt the backend builds.
    const prompt = buildPrompt(model.requests[3]!)
      .map((m) => m.content)
      .join('\n');
    expect(prompt).toContain('Your previous answer was rejected');
    expect(prompt).toContain('no element named "categories.sandals"');
  });

  it('names the rejected element in the feedback entry, and none for unreadable answers', async () => {
    const model = new ScriptedModel([
      'not json',
      { rationale: 'r', action: { type: 'click', name: 'categories.sandals' } },
      { rationale: 'r', action: { type: 'click', name: 'newsletter.subscribe' } },
      { rationale: 'r', action: { type: 'terminate' } },
    ]);
    await decide(model, makeRequest(home), { maxAttempts: 4 });
    const feedback = model.requests[3]!.feedback;
    expect(feedback.map((f) => f.rejectedName)).toEqual([
      null,
      'categories.sandals',
      'newsletter.subscribe',
    ]);
    expect(feedback[1]!.answer).toMatch(/^Answer 2 \(".*categories\.sandals.*"\)$/);
    expect(feedback[2]!.problem).toMatch(/is disabled/);
  });

  it("does not change the caller's request", async () => {
    const model = new ScriptedModel(['garbage', { rationale: 'r', action: { type: 'terminate' } }]);
    const note = { answer: 'Answer 0', problem: 'earlier note' };
    const request = makeRequest(home, { feedback: [note] });
    await decide(model, request, { maxAttempts: 2 });
    expect(request.feedback).toEqual([note]);
    expect(model.requests[1]!.feedback[0]).toEqual(note);
  });

  it('rejects disabled elements and typing into non-text elements', async () => {
    const model = new ScriptedModel([
      { rationale: 'r', action: { type: 'click', name: 'newsletter.subscribe' } },
      {
        rationale: 'r',
        action: { type: 'type_and_submit', name: 'nav_bar.search_button', text: 'x' },
      },
      {
        rationale: 'r',
        action: { type: 'type_and_submit', name: 'nav_bar.search_input', text: '  ' },
      },
      {
        rationale: 'r',
        action: { type: 'type_and_submit', name: 'feedback.comment', text: 'nice' },
      },
    ]);
    const decision = await decide(model, makeRequest(home), { maxAttempts: 4 });
    expect(decision.action).toMatchObject({ name: 'feedback.comment' });
    const last = model.requests[3]!.feedback.map(formatFeedbackEntry);
    expect(last[0]).toMatch(/is disabled/);
    expect(last[1]).toMatch(
      /is a button, not a text field.*choose from the text fields: nav_bar\.search_input, feedback\.comment/,
    );
    expect(last[2]).toMatch(/non-empty "text"/);
  });

  it('throws ModelOutputError with the last raw text when attempts run out', async () => {
    const model = new ScriptedModel([
      'nope',
      { rationale: 'r', action: { type: 'click', name: 'does.not.exist' } },
    ]);
    const error = await decide(model, makeRequest(home), { maxAttempts: 2 }).catch((e) => e);
    expect(error).toBeInstanceOf(ModelOutputError);
    expect(error.message).toMatch(/gave no valid action in 2 attempt\(s\).*does\.not\.exist/);
    expect(error.raw).toContain('does.not.exist');
    expect(model.requests).toHaveLength(2);
  });

  it('sums token usage over attempts, ignoring unknown counts', async () => {
    const replies: ModelReply[] = [
      { text: 'bad', promptTokens: 100, completionTokens: 5 },
      {
        text: '{"rationale":"r","action":{"type":"terminate"}}',
        promptTokens: 120,
        completionTokens: null,
      },
    ];
    const model: SimulatorModel = {
      id: 'fake',
      predict: async () => replies.shift()!,
      close: async () => {},
    };
    const decision = await decide(model, makeRequest(home), { maxAttempts: 2 });
    expect(decision.usage).toMatchObject({ prompt_tokens: 220, completion_tokens: 5, attempts: 2 });
  });

  it('lets backend errors through without retrying', async () => {
    let calls = 0;
    const model: SimulatorModel = {
      id: 'down',
      predict: async (_request: PredictRequest) => {
        calls++;
        throw new ModelBackendError('server down');
      },
      close: async () => {},
    };
    await expect(decide(model, makeRequest(home), { maxAttempts: 3 })).rejects.toBeInstanceOf(
      ModelBackendError,
    );
    expect(calls).toBe(1);
  });
});
