import { z } from 'zod';

/** A JSON schema as plain data. */
export type JsonSchema = { [key: string]: unknown };

/**
 * A zod schema as JSON schema (z.toJSONSchema), made portable: no `$schema`, no `minLength`
 * (OpenAI strict mode rejects it), `const` written as a one-value `enum`, and every union under
 * one keyword: `anyOf` for OpenAI strict structured outputs, `oneOf` for node-llama-cpp grammars.
 */
export function portableJsonSchema(schema: z.ZodType, union: 'anyOf' | 'oneOf'): JsonSchema {
  return portable(z.toJSONSchema(schema), union) as JsonSchema;
}

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
