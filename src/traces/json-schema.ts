import { z } from 'zod';
import { TRACE_SCHEMA_VERSION, TraceLine } from './schema.js';

/** Where the published JSON Schema of a trace line is checked in (and shipped in the package). */
export const TRACE_LINE_SCHEMA_FILE = 'schema/trace-line.schema.json';

/**
 * The JSON Schema (draft-07, which most validators read) of one line of a trace file, generated from the zod schemas:
 * a header, a step or an end line. It describes what shopsim accepts when reading, so fields
 * the reader fills with a default (null, 0) are optional.
 */
export function traceLineJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(TraceLine, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  });
  return {
    $schema: generated.$schema,
    title: `shopsim trace line (schema_version ${TRACE_SCHEMA_VERSION})`,
    description:
      'One line of a shopsim trace (JSONL): line 1 is the header, then one step per action, ' +
      'then an end line (absent when the run was killed).',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

/** The schema as the checked-in file holds it: two-space JSON with a final newline. */
export function traceLineJsonSchemaText(): string {
  return JSON.stringify(traceLineJsonSchema(), null, 2) + '\n';
}
