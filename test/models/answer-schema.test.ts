import { describe, expect, it } from 'vitest';
import { Action } from '../../src/action.js';
import { answerJsonSchema } from '../../src/models/answer-schema.js';
import { OPENAI_RESPONSE_FORMAT } from '../../src/models/openai.js';

type Schema = {
  properties: {
    rationale: Record<string, unknown>;
    action: Record<
      string,
      { properties: Record<string, { enum?: unknown[]; [k: string]: unknown }> }[]
    >;
  };
};

describe('answerJsonSchema', () => {
  it('derives a portable schema from the zod ModelAnswer', () => {
    const schema = answerJsonSchema({ union: 'anyOf' }) as unknown as Schema;
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/"\$schema"|"minLength"|"const"|"oneOf"|"integer"/);
    const variants = schema.properties.action.anyOf!;
    expect(variants.map((v) => v.properties.type!.enum)).toEqual([
      ['click'],
      ['type_and_submit'],
      ['terminate'],
    ]);
    expect((schema as unknown as { required: string[] }).required).toEqual(['rationale', 'action']);
    for (const v of variants) expect(v).toMatchObject({ additionalProperties: false });
    expect(OPENAI_RESPONSE_FORMAT.json_schema.schema).toEqual(schema);
  });

  it('limits names per page, caps lengths and drops impossible variants', () => {
    const schema = answerJsonSchema({
      union: 'oneOf',
      clickNames: ['a.b', 'c.d', 'a.b'],
      typeNames: [],
      maxRationaleLength: 50,
      maxTextLength: 20,
    }) as unknown as Schema;
    const variants = schema.properties.action.oneOf!;
    expect(variants.map((v) => v.properties.type!.enum![0])).toEqual(['click', 'terminate']);
    expect(variants[0]!.properties.name).toEqual({ type: 'string', enum: ['a.b', 'c.d'] });
    expect(schema.properties.rationale.maxLength).toBe(50);

    const typed = answerJsonSchema({ union: 'oneOf', typeNames: ['s'], maxTextLength: 20 });
    const t = (typed as unknown as Schema).properties.action.oneOf![1]!;
    expect(t.properties.text!.maxLength).toBe(20);
    expect(t.properties.name!.enum).toEqual(['s']);
  });

  it('every value the schema allows is a valid Action', () => {
    for (const action of [
      { type: 'click', name: 'a.b' },
      { type: 'type_and_submit', name: 's', text: 'x' },
      { type: 'terminate' },
    ]) {
      expect(Action.safeParse(action).success).toBe(true);
    }
  });
});
