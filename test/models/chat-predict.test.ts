import { describe, expect, it } from 'vitest';
import { predictWithChat } from '../../src/models/chat-predict.js';
import type { ChatModel, ChatReply, ChatRequest } from '../../src/models/chat.js';
import { buildPrompt } from '../../src/models/prompt.js';
import { ScriptedChat } from '../../src/models/scripted-chat.js';
import { loadObservation, makeRequest } from '../support/model-fixtures.js';

const home = loadObservation('home-page');
const click = (name: string) => ({ rationale: 'r', action: { type: 'click', name } });

describe('predictWithChat (the simulator path of every chat backend)', () => {
  it('sends the step prompt with the answer schema and returns the text', async () => {
    const chat = new ScriptedChat([click('categories.shoes')]);
    const request = makeRequest(home, {
      feedback: [{ answer: 'Answer 1 ("x")', problem: 'no JSON object found', rejectedName: null }],
    });
    const reply = await predictWithChat(chat, request);
    expect(JSON.parse(reply.text)).toEqual(click('categories.shoes'));
    const sent = chat.requests[0]!;
    expect(sent.messages).toEqual(buildPrompt(request));
    expect(sent.messages[1]!.content).toContain('- Answer 1 ("x"): no JSON object found');
    expect(sent.schema!.name).toBe('shopper_step');
    // without fitting, any name passes the schema (the page check in decide() judges it)
    expect(sent.schema!.schema.safeParse(click('not.on.page')).success).toBe(true);
  });

  it("fits the schema to the page's names and caps when the backend asks", async () => {
    const chat = new ScriptedChat(['{}']);
    await predictWithChat(chat, makeRequest(home), {
      restrictNames: true,
      maxRationaleLength: 5,
    });
    const schema = chat.requests[0]!.schema!.schema;
    expect(schema.safeParse(click('categories.shoes')).success).toBe(true);
    expect(schema.safeParse(click('not.on.page')).success).toBe(false);
    expect(schema.safeParse(click('newsletter.subscribe')).success).toBe(false); // disabled
    expect(schema.safeParse({ ...click('categories.shoes'), rationale: 'too long' }).success).toBe(
      false,
    );
    const typed = { type: 'type_and_submit', name: 'nav_bar.search_input', text: 'socks' };
    expect(schema.safeParse({ rationale: 'r', action: typed }).success).toBe(true);
    expect(
      schema.safeParse({ rationale: 'r', action: { ...typed, name: 'categories.shoes' } }).success,
    ).toBe(false);
  });

  it('passes a refusal on as the answer text, with the token counts', async () => {
    const refusing: ChatModel = {
      id: 'refuser',
      constrained: false,
      chat: async (_request: ChatRequest): Promise<ChatReply> => ({
        text: '',
        refusal: 'I cannot help with shopping.',
        promptTokens: 10,
        completionTokens: 2,
      }),
      close: async () => {},
    };
    expect(await predictWithChat(refusing, makeRequest(home))).toEqual({
      text: 'I cannot help with shopping.',
      promptTokens: 10,
      completionTokens: 2,
    });
  });
});
