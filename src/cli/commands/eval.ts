import type { Command } from 'commander';
import { MODEL_BACKENDS, specUsage } from '../../models/registry.js';
import { addConfigFlags } from '../config-flags.js';
import type { EvalFlags } from './eval-run.js';
import { withExample } from '../examples.js';

export function registerEval(program: Command): void {
  const command = withExample(program.command('eval'), [
    'shopsim eval --human traces/human-run --model openai:gpt-4o-mini',
  ])
    .description(
      'Teacher-forced next-action prediction over every step of human sessions: accuracy, F1s, error taxonomy.',
    )
    .requiredOption('--human <traces>', 'human trace file, run folder or folder of runs')
    .option(
      '--predictions <file>',
      'score a JSONL file of predictions made elsewhere instead of a model',
    )
    .option('--resamples <n>', 'bootstrap resamples for the confidence intervals', '1000');
  const settings = [
    'model',
    'baseUrl',
    'concurrency',
    'maxAttempts',
    'historyPages',
    'seed',
  ] as const;
  addConfigFlags(command, [...settings, 'out', 'threads', 'contextSize'], {
    model: `model to evaluate: ${MODEL_BACKENDS.map(specUsage).join(' | ')}`,
    concurrency: 'model calls in flight',
    maxAttempts: 'model calls per step before the answer counts as illegal',
    seed: 'seed for the model and the bootstrap intervals',
    out: 'output folder; rerun into it to resume (default traces/<run-id>)',
  })
    .option('--json', 'print the result as JSON on stdout instead of the summary')
    .action(async (flags: EvalFlags) => {
      await (await import('./eval-run.js')).evalCommand(flags);
    });
}
