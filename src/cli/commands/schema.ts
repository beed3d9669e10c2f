import type { Command } from 'commander';
import { withExample } from '../examples.js';

interface SchemaFlags {
  out?: string;
  json?: boolean;
}

export function registerSchema(program: Command): void {
  const command = program
    .command('schema')
    .description('Print the published JSON Schemas of shopsim files.');
  withExample(command.command('trace'), ['shopsim schema trace --out trace.schema.json'])
    .description(
      'The JSON Schema (draft-07) of one trace line (header, step or end), generated from the ' +
        'schemas shopsim reads traces with; the package ships it as schema/trace-line.schema.json.',
    )
    .option('--out <file>', 'write the schema to this file instead of stdout')
    .option('--json', 'the schema is JSON either way; with --out, print {file} as JSON')
    .action(async (flags: SchemaFlags) => {
      const { traceLineJsonSchemaText } = await import('../../traces/json-schema.js');
      const text = traceLineJsonSchemaText();
      if (!flags.out) return void process.stdout.write(text);
      const { mkdir, writeFile } = await import('node:fs/promises');
      const path = await import('node:path');
      await mkdir(path.dirname(flags.out), { recursive: true });
      await writeFile(flags.out, text);
      if (flags.json) process.stdout.write(JSON.stringify({ file: flags.out }) + '\n');
      else process.stdout.write(`Wrote ${flags.out}\n`);
    });
}
