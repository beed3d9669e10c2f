import type { Command } from 'commander';
import { addConfigFlags } from '../config-flags.js';
import type { SynthesizeFlags } from './synthesize-run.js';
import { withExample } from '../examples.js';

export function registerSynthesize(program: Command): void {
  const command = withExample(program.command('synthesize'), [
    'shopsim synthesize --human traces/human-run --model openai:gpt-4o-mini',
  ])
    .description(
      'Write a one-sentence, first-person rationale for every human step that lacks one, into ' +
        'new trace files (the originals are not modified; existing rationales are kept).',
    )
    .requiredOption(
      '--human <traces>',
      'human traces: a session file, a run folder or a folder of runs',
    )
    .option(
      '--html-budget <chars>',
      "characters of simplified HTML shown per page (default: the synthesizer's budget)",
    )
    .option(
      '--examples <file>',
      'think-aloud examples (JSON array; default: the bundled prompts/think-aloud-examples.json)',
    );
  addConfigFlags(
    command,
    ['model', 'out', 'concurrency', 'baseUrl', 'maxAttempts', 'threads', 'contextSize'],
    {
      model: 'openai:<model> | llama:<file.gguf> | heuristic (heuristic: template sentences)',
      out: 'run folder for the new traces (default traces/<run-id>)',
      concurrency: 'rationale requests in flight',
      maxAttempts: 'calls per step when an answer holds no usable sentence',
    },
  )
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: SynthesizeFlags) => {
      const summary = await (await import('./synthesize-run.js')).synthesizeCommand(flags);
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
}
