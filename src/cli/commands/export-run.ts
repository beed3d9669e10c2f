import path from 'node:path';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { UsageError } from '../../errors.js';
import {
  exportSft,
  MISSING_RATIONALE_MODES,
  type MissingRationaleMode,
  type SftExportSummary,
} from '../../export/sft.js';
import { SFT_FORMATS, type SftFormat } from '../../export/sft-format.js';
import { writeSftReport } from '../../export/sft-report.js';
import { parseSplit, SPLIT_NAMES } from '../../export/sft-split.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../../traces/run.js';

/** Exports go to a fresh run folder under traces/ like every report (readers skip their files). */
export const DEFAULT_EXPORTS_DIR = DEFAULT_TRACES_DIR;

export interface SftFlags {
  human: string;
  rationale: boolean;
  format: string;
  out?: string;
  historyPages?: string;
  seed?: string;
  split: string;
  missingRationale: string;
  config?: string;
  json?: boolean;
}

export async function exportSftCommand(flags: SftFlags): Promise<SftExportSummary> {
  const config = resolveCommandConfig({ ...flags }).values;
  if (!(SFT_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`--format ${flags.format}: use ${SFT_FORMATS.join(' or ')}.`);
  }
  if (!(MISSING_RATIONALE_MODES as readonly string[]).includes(flags.missingRationale)) {
    throw new UsageError(
      `--missing-rationale ${flags.missingRationale}: use ${MISSING_RATIONALE_MODES.join(' or ')}.`,
    );
  }
  const summary = await exportSft({
    human: flags.human,
    format: flags.format as SftFormat,
    rationales: flags.rationale,
    historyPages: config.historyPages,
    seed: config.seed,
    split: parseSplit(flags.split),
    missingRationale: flags.missingRationale as MissingRationaleMode,
    out: flags.out ?? path.join(DEFAULT_EXPORTS_DIR, newRunId('sft')),
  });
  const report = await writeSftReport(summary);
  const missing = summary.missing_rationales;
  if (missing.steps > 0) {
    process.stderr.write(
      `warning: ${missing.steps} step(s) in ${missing.sessions} session(s) have no rationale; ` +
        (summary.missing_rationale === 'skip'
          ? 'those sessions were left out. '
          : 'those steps were left out. ') +
        'Run `shopsim synthesize --human <traces> --model <spec>` first, or export with --no-rationale.\n',
    );
  }
  for (const warning of summary.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (flags.json) {
    process.stdout.write(JSON.stringify({ ...summary, report }, null, 2) + '\n');
    return summary;
  }
  const t = summary.tokens;
  const lines = [
    `Exported ${summary.steps} step example(s) of ${summary.sessions} session(s) as ${summary.format} ` +
      `${summary.rationales ? 'with' : 'without'} rationales into ${summary.out}`,
    ...SPLIT_NAMES.map((s) => {
      const x = summary.splits[s];
      return `  ${s.padEnd(10)} ${String(x.examples).padStart(5)} examples  ${String(x.users).padStart(4)} users  ${x.tokens.total} tokens`;
    }),
    `Tokens per example (${summary.tokenizer}): min ${t.min ?? 'n/a'}, median ${t.median ?? 'n/a'}, ` +
      `max ${t.max ?? 'n/a'}, total ${t.total}`,
    ...summary.skipped_sessions.map((s) => `Skipped ${s.file}: ${s.reason}`),
    `Report: ${report.markdown}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return summary;
}
