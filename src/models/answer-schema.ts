import { z } from 'zod';
import { ModelAnswer } from '../action.js';

/** A JSON schema as plain data. */
export type JsonSchema = { [key: string]: unknown };

export interface AnswerSchemaOptions {
  /**
   * Keyword for the union of action variants: `anyOf` for OpenAI strict structured outputs,
   * `oneOf` for node-llama-cpp grammars.
   */
  union: 'anyOf' | 'oneOf';
  /** When given, click targets are limited to these names; an empty list drops `click`. */
  clickNames?: string[];
  /** When given, type_and_submit targets are limited to these names; empty drops the variant. */
  typeNames?: string[];
  /** Caps on string lengths (grammar-constrained local models must stop somewhere). */
  maxRationaleLength?: number;
  maxTextLength?: number;
}

/**
 * The JSON schema of one answer, derived from the zod ModelAnswer (z.toJSONSchema) and made
 * portable: no `$schema`, no `minLength` (OpenAI strict mode rejects it), `const` written as
 * a one-value `enum`, only `string`/`object` types (no `integer`, which grammars handle poorly).
 */
export function answerJsonSchema(options: AnswerSchemaOptions): JsonSchema {
  const schema = portable(z.toJSONSchema(ModelAnswer), options.union) as JsonSchema;
  const properties = schema.properties as Record<string, JsonSchema>;
  if (options.maxRationaleLength !== undefined) {
    properties.rationale = { ...properties.rationale, maxLength: options.maxRationaleLength };
  }
  const action = properties.action!;
  const variants = (action[options.union] as JsonSchema[]).flatMap((variant) => {
    const props = variant.properties as Record<string, JsonSchema>;
    const type = (props.type!.enum as string[])[0];
    const names =
      type === 'click' ? options.clickNames : type === 'type_and_submit' ? options.typeNames : null;
    if (names && names.length === 0) return [];
    const next = { ...props };
    if (names) next.name = { type: 'string', enum: [...new Set(names)] };
    if (type === 'type_and_submit' && options.maxTextLength !== undefined) {
      next.text = { ...next.text, maxLength: options.maxTextLength };
    }
    return [{ ...variant, properties: next }];
  });
  properties.action = { [options.union]: variants };
  return schema;
}

/** Rewrites the zod-generated schema into the portable subset, recursively. */
function portable(node: unknown, union: 'anyOf' | 'oneOf'): unknown {
  if (Array.isArray(node)) return node.map((n) => portable(n, union));
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === 'minLength') continue;
    if (key === 'const') out.enum = [value];
    else if (key === 'oneOf' || key === 'anyOf') out[union] = portable(value, union);
    else out[key] = portable(value, union);
  }
  return out;
}
