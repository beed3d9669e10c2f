import { describe, expect, it } from 'vitest';
import { ModelOutputError } from '../../src/errors.js';
import { balancedObjects, parseAnswer } from '../../src/models/parse-answer.js';

const click = { type: 'click', name: 'search_results.item_1.title_link' } as const;

describe('parseAnswer', () => {
  it('reads a plain JSON answer and drops extra fields', () => {
    const text = JSON.stringify({ rationale: 'Looks good.', action: { ...click, extra: 1 } });
    expect(parseAnswer(text)).toEqual({ rationale: 'Looks good.', action: click });
  });

  it('reads JSON inside a code fence with prose around it', () => {
    const text =
      "Sure! Here's my answer:\n```json\n" +
      JSON.stringify({ rationale: 'r', action: { type: 'terminate' } }, null, 2) +
      '\n```\nHope that helps.';
    expect(parseAnswer(text)).toEqual({ rationale: 'r', action: { type: 'terminate' } });
  });

  it('finds the first balanced object in prose, braces and quotes inside strings included', () => {
    const answer = {
      rationale: 'The "deal" {50% off} looks odd } but fine',
      action: { type: 'type_and_submit', name: 'nav_bar.search_input', text: 'socks {wool}' },
    };
    const text = `I'm thinking it's best to search.\n${JSON.stringify(answer)}\nThat's it.`;
    expect(parseAnswer(text)).toEqual(answer);
  });

  it('accepts the one-line string form of the action', () => {
    expect(parseAnswer('{"rationale": "go", "action": "click a.b"}')).toEqual({
      rationale: 'go',
      action: { type: 'click', name: 'a.b' },
    });
    expect(
      parseAnswer('{"rationale": "s", "action": "type_and_submit nav.search \\"red shoes\\""}'),
    ).toEqual({
      rationale: 's',
      action: { type: 'type_and_submit', name: 'nav.search', text: 'red shoes' },
    });
  });

  it('accepts a bare action object, with or without a rationale', () => {
    expect(parseAnswer('{"type": "terminate"}')).toEqual({
      rationale: '',
      action: { type: 'terminate' },
    });
    expect(parseAnswer('{"type": "click", "name": "a.b", "rationale": "why"}')).toEqual({
      rationale: 'why',
      action: { type: 'click', name: 'a.b' },
    });
  });

  it('maps "input" (the OPeRA name) and upper-case types', () => {
    expect(
      parseAnswer('{"rationale":"","action":{"type":"input","name":"s","text":"tent"}}').action,
    ).toEqual({ type: 'type_and_submit', name: 's', text: 'tent' });
    expect(parseAnswer('{"rationale":"","action":{"type":"CLICK","name":"s"}}').action).toEqual({
      type: 'click',
      name: 's',
    });
  });

  it('skips <think> blocks of reasoning models, drafts inside included', () => {
    const text =
      '<think>Maybe {"rationale": "x", "action": {"type": "terminate"}}? No, search first.</think>\n' +
      '{"rationale": "Search.", "action": {"type": "type_and_submit", "name": "s", "text": "tent"}}';
    expect(parseAnswer(text).action).toEqual({ type: 'type_and_submit', name: 's', text: 'tent' });
    expect(() => parseAnswer('<think>{"type": "terminate"}</think>')).toThrow(/empty/);
  });

  it('tolerates trailing commas', () => {
    expect(parseAnswer('{"rationale": "x", "action": {"type": "terminate",},}').action).toEqual({
      type: 'terminate',
    });
  });

  it('skips an earlier object that is not an answer', () => {
    const text =
      'Context: {"page": "home"}\nAnswer: {"rationale": "r", "action": {"type": "terminate"}}';
    expect(parseAnswer(text).action).toEqual({ type: 'terminate' });
  });

  it('accepts a bare one-line action as a last resort', () => {
    expect(parseAnswer('I will leave now.\nAction: terminate').action).toEqual({
      type: 'terminate',
    });
    expect(parseAnswer('click nav_bar.cart_link').action).toEqual({
      type: 'click',
      name: 'nav_bar.cart_link',
    });
  });

  it('rejects garbage with a message a model can act on', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['I would like to buy the shoes.', /no JSON object/],
      ['{"rationale": "r"}', /no "action" field/],
      ['{"rationale": "r", "action": {"type": "scroll"}}', /action\.type/],
      ['{"rationale": "r", "action": {"type": "click"}}', /action\.name/],
      ['{"rationale": "r", "action": {"type": "type_and_submit", "name": "s"}}', /action\.text/],
      ['{"rationale": 5, "action": {"type": "terminate"}}', /rationale/],
      ['{"rationale": "r", "action": "jump around"}', /cannot read action/],
      ['{"rationale": "r", "action": [1]}', /must be an object/],
      ['{"rationale": "r", "action": {"type": "click", "name": "a"', /could not be read/],
      ['Let me think {about it', /no JSON object/],
      ['{rationale: r}', /could not be read/],
    ];
    for (const [text, message] of cases) {
      let caught: unknown;
      try {
        parseAnswer(text);
      } catch (error) {
        caught = error;
      }
      expect(caught, text).toBeInstanceOf(ModelOutputError);
      expect((caught as ModelOutputError).message, text).toMatch(message);
      expect((caught as ModelOutputError).raw).toBe(text);
    }
  });
});

describe('balancedObjects', () => {
  it('ignores apostrophes outside objects and braces inside strings', () => {
    expect(balancedObjects(`it's {"a": "}"} and {"b": {"c": 1}} '{`)).toEqual([
      '{"a": "}"}',
      '{"b": {"c": 1}}',
    ]);
  });
});
