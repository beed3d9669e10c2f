import type { Command } from 'commander';
import { modelTimeoutMs, publicConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { synthesizeRationales, type SynthesizeSummary } from '../../synthesize/synthesize.js';
import { DEFAULT_EXAMPLES_FILE, loadThinkAloudExamples } from '../../synthesize/examples.js';
import { DEFAULT_HTML_BUDGET } from '../../synthesize/prompt.js';
import { writeSynthesizeReport } from '../../synthesize/report.js';
import { createRationaleWriter, RATIONALE_BACKENDS } from '../../synthesize/writer.js';
import { specUsage } from '../../models/registry.js';
import { addConfigFlags } from '../config-flags.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';

interface SynthesizeFlags {
  human: string;
  model?: string;
  out?: string;
  concurrency?: string;
  baseUrl?: string;
  maxAttempts?: string;
  htmlBudget: string;
  examples: string;
  config?: string;
  json?: boolean;
}

export function registerSynthesize(program: Command): void {
  const command = program
    .command('synthesize')
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
      'characters of simplified HTML shown per page',
      String(DEFAULT_HTML_BUDGET),
    )
    .option('--examples <file>', 'think-aloud examples (JSON array)', DEFAULT_EXAMPLES_FILE);
  addConfigFlags(command, ['model', 'out', 'concurrency', 'baseUrl', 'maxAttempts', 'threads'], {
    model: `${RATIONALE_BACKENDS.map(specUsage).join(' | ')} (heuristic: template sentences)`,
    out: 'run folder for the new traces (default traces/<run-id>)',
    concurrency: 'rationale requests in flight',
    maxAttempts: 'calls per step when an answer holds no usable sentence',
  })
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: SynthesizeFlags) => {
      const summary = await synthesizeCommand(flags);
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
}

async function synthesizeCommand(flags: SynthesizeFlags): Promise<SynthesizeSummary> {
  const resolved = resolveCommandConfig({ ...flags });
  const config = resolved.values;
  if (resolved.sources.model === 'default') {
    throw new UsageError(
      'give --model for the rationales: openai:<model> [--base-url http://host/v1], ' +
        'llama:<file.gguf>, or heuristic for template sentences without a model.',
    );
  }
  const htmlBudget = Number(flags.htmlBudget);
  if (!Number.isInteger(htmlBudget) || htmlBudget < 200) {
    throw new UsageError(
      `--html-budget ${flags.htmlBudget}: give a whole number of characters, 200 or more.`,
    );
  }
  const examples = await loadThinkAloudExamples(flags.examples);
  const writer = await createRationaleWriter(config.model, {
    examples,
    htmlBudget,
    baseUrl: config.baseUrl,
    timeoutMs: modelTimeoutMs(config),
    llama: config.threads ? { threads: config.threads } : undefined,
  });
  const log = (line: string): void => {
    if (!flags.json) process.stderr.write(line + '\n');
  };
  let summary: SynthesizeSummary;
  try {
    summary = await synthesizeRationales({
      human: flags.human,
      writer,
      concurrency: config.concurrency,
      maxAttempts: config.maxAttempts,
      out: config.out,
      config: { ...publicConfig(config), htmlBudget, examples: flags.examples },
      onSession: (s) =>
        log(`${s.sessionId}: ${s.synthesized} synthesized, ${s.kept} kept, ${s.failed} failed`),
    });
  } finally {
    await writer.close();
  }
  const report = await writeSynthesizeReport(summary);
  if (flags.json) {
    process.stdout.write(JSON.stringify({ ...summary, report }, null, 2) + '\n');
    return summary;
  }
  const lines = [
    `Rationales: ${summary.synthesized} synthesized, ${summary.kept} kept, ${summary.failed} failed ` +
      `(${summary.steps} steps in ${summary.sessions} sessions, model ${summary.model}).`,
  ];
  for (const s of summary.skipped_sessions) lines.push(`Skipped ${s.file}: ${s.reason}`);
  if (summary.failures[0]) lines.push(`First failure: ${summary.failures[0].message}`);
  if (summary.failed > 0) {
    lines.push(
      `Run synthesize again with --human ${summary.run_dir} to fill in the ${summary.failed} missing rationale(s).`,
    );
  }
  lines.push(`Traces: ${summary.run_dir}`, `Report: ${report.markdown}`);
  process.stdout.write(lines.join('\n') + '\n');
  return summary;
}
