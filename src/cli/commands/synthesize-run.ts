import { modelOptionsOf, modelTimeoutMs, publicConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { synthesizeRationales, type SynthesizeSummary } from '../../synthesize/synthesize.js';
import { DEFAULT_EXAMPLES_FILE, loadThinkAloudExamples } from '../../synthesize/examples.js';
import { DEFAULT_HTML_BUDGET } from '../../synthesize/prompt.js';
import { writeSynthesizeReport } from '../../synthesize/report.js';
import { createRationaleWriter } from '../../synthesize/writer.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';

export interface SynthesizeFlags {
  human: string;
  model?: string;
  out?: string;
  concurrency?: string;
  baseUrl?: string;
  maxAttempts?: string;
  htmlBudget?: string;
  examples?: string;
  config?: string;
  json?: boolean;
}

export async function synthesizeCommand(flags: SynthesizeFlags): Promise<SynthesizeSummary> {
  const resolved = resolveCommandConfig({ ...flags });
  const config = resolved.values;
  if (resolved.sources.model === 'default') {
    throw new UsageError(
      'give --model for the rationales: openai:<model> [--base-url http://host/v1], ' +
        'llama:<file.gguf>, or heuristic for template sentences without a model.',
    );
  }
  const htmlBudget = Number(flags.htmlBudget ?? DEFAULT_HTML_BUDGET);
  if (!Number.isInteger(htmlBudget) || htmlBudget < 200) {
    throw new UsageError(
      `--html-budget ${flags.htmlBudget}: give a whole number of characters, 200 or more.`,
    );
  }
  const examplesFile = flags.examples ?? DEFAULT_EXAMPLES_FILE;
  const examples = await loadThinkAloudExamples(examplesFile);
  const writer = await createRationaleWriter(config.model, {
    examples,
    htmlBudget,
    baseUrl: config.baseUrl,
    timeoutMs: modelTimeoutMs(config),
    llama: modelOptionsOf(config).llama,
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
      config: { ...publicConfig(config), htmlBudget, examples: examplesFile },
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
