import path from 'node:path';
import { modelOptionsOf } from '../../config.js';
import { UsageError } from '../../errors.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { renderEvalReport } from '../../eval/eval-report.js';
import { evaluate, type PredictionSource } from '../../eval/evaluate.js';
import { createModel } from '../../models/spec.js';
import { percent, percentInterval } from '../../report/format.js';
import { costOf, priceOf, type PriceTable } from '../../cost/prices.js';
import { formatTokens, formatUsd } from '../../cost/usage.js';
import type { EvalResult } from '../../eval/eval-result.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { writeReport } from '../../report/write.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../../traces/run.js';
import { bar, ProgressLine } from '../progress.js';
import { resumeNote, warnFileIssues } from './eval-notes.js';

export interface EvalFlags {
  human: string;
  model?: string;
  predictions?: string;
  baseUrl?: string;
  concurrency?: string;
  maxAttempts?: string;
  historyPages?: string;
  seed?: string;
  resamples: string;
  out?: string;
  config?: string;
  json?: boolean;
}

export async function evalCommand(flags: EvalFlags): Promise<EvalResult> {
  if (!flags.model === !flags.predictions) {
    throw new UsageError(
      flags.model
        ? 'give either --model or --predictions, not both.'
        : 'give --model <spec> to evaluate a model, or --predictions <file> to score predictions made elsewhere.',
    );
  }
  const config = resolveCommandConfig({ ...flags }).values;
  const resamples = Number(flags.resamples);
  if (!Number.isInteger(resamples) || resamples < 0) {
    throw new UsageError(
      `--resamples ${flags.resamples}: give a whole number, 0 to skip intervals.`,
    );
  }
  const outDir = flags.out ?? path.join(DEFAULT_TRACES_DIR, newRunId('eval'));
  const model = flags.model ? await createModel(config.model, modelOptionsOf(config)) : null;
  const source: PredictionSource = model
    ? { kind: 'model', model, spec: config.model }
    : { kind: 'predictions', file: flags.predictions! };
  const progress = new ProgressLine(process.stderr, 5_000, !!model);
  const onInterrupt = (): void => {
    progress.done();
    process.stderr.write(`shopsim: interrupted; ${resumeNote(outDir)}\n`);
    process.exit(130);
  };
  if (model) process.once('SIGINT', onInterrupt);
  const started = Date.now();
  let firstDone: number | null = null;
  let result: EvalResult;
  try {
    result = await evaluate({
      human: flags.human,
      source,
      outDir,
      concurrency: config.concurrency,
      maxAttempts: config.maxAttempts,
      historyPages: config.historyPages,
      seed: config.seed,
      resamples,
      onProgress: (done, total) => {
        firstDone ??= done;
        const made = done - firstDone;
        const perSec = made / Math.max(0.001, (Date.now() - started) / 1000);
        const eta = made > 0 ? Math.round((total - done) / perSec) : null;
        progress.update(
          `eval ${bar(done, total)} steps  ${perSec.toFixed(2)}/s${eta !== null ? `  ETA ${eta}s` : ''}`,
          done === total,
        );
      },
    });
  } catch (error) {
    progress.done();
    if (model && !(error instanceof UsageError)) {
      process.stderr.write(`shopsim: the evaluation stopped; ${resumeNote(outDir)}\n`);
    }
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    await model?.close();
  }
  progress.done();
  warnFileIssues(result);
  const files = await writeReport(outDir, 'eval', {
    json: result,
    markdown: renderEvalReport(result),
  });
  const page = await writeHtmlReportQuietly(outDir, config.prices);
  const m = result.metrics;
  if (flags.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    process.stdout.write(
      [
        `Next-action accuracy: ${percent(m.accuracy.value)} ${percentInterval(m.accuracy.interval)} over ${m.steps} steps of ${m.sessions} sessions`,
        `Action-type F1 (macro): ${percent(m.actionTypeF1.macro)}   click-type F1 (weighted): ${percent(m.clickTypeF1.weighted)}`,
        `Outcome F1: ${percent(m.outcome.binaryF1)} binary, ${percent(m.outcome.weightedF1)} weighted`,
        `Illegal: ${m.status.illegal}   missing: ${m.status.missing}`,
        ...usageLine(result, config.model, config.prices),
        `Report: ${files.markdown}${page ? ` and ${page}` : ''}`,
        '',
      ].join('\n'),
    );
  }
  return result;
}

/** Model calls, tokens and cost of the predictions made now (none for --predictions). */
function usageLine(result: EvalResult, model: string, prices: PriceTable): string[] {
  const usage = result.predictions.usage;
  if (!usage) return [];
  const cost = costOf(priceOf(model, prices), usage.prompt_tokens, usage.completion_tokens);
  return [
    `Model: ${usage.calls} calls, ${formatTokens(usage.prompt_tokens)} tokens in, ` +
      `${formatTokens(usage.completion_tokens)} out, cost ${formatUsd(cost)}`,
  ];
}
