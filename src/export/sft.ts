import { open, type FileHandle } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { checkOutsideInput, humanTraceFiles, readHumanTrace } from '../traces/human-input.js';
import type { Trace } from '../traces/schema.js';
import { stepExample } from './sft-example.js';
import { emptySplitWarnings } from './sft-warnings.js';
import { formatRecord, type SftFormat } from './sft-format.js';
import {
  assignSplit,
  splitKey,
  SPLIT_NAMES,
  type SplitFractions,
  type SplitName,
} from './sft-split.js';
import { countTokens, TOKENIZER, tokenStats, type TokenStats } from './sft-tokens.js';

/**
 * Steps without a rationale, when rationales are asked for: `omit` leaves out that step's example
 * (the session's other steps are kept), `skip` leaves out the whole session.
 */
export type MissingRationaleMode = 'omit' | 'skip';
export const MISSING_RATIONALE_MODES: readonly MissingRationaleMode[] = ['omit', 'skip'];

export interface SftExportOptions {
  human: string;
  format: SftFormat;
  rationales: boolean;
  /** Full HTML for the last k history steps of each example, as the simulator's --history-pages. */
  historyPages: number;
  seed: number;
  split: SplitFractions;
  missingRationale: MissingRationaleMode;
  out: string;
}

/** One written example: one step of a session. */
export interface SftExampleInfo {
  id: string;
  session_id: string;
  step: number;
  split: SplitName;
  split_key: string;
  tokens: number;
  trained_tokens: number;
}

export interface SftSplitSummary {
  file: string;
  examples: number;
  users: number;
  sessions: number;
  tokens: TokenStats;
  trained_tokens: TokenStats;
}

export interface SftExportSummary {
  out: string;
  input: string;
  format: SftFormat;
  rationales: boolean;
  missing_rationale: MissingRationaleMode;
  history_pages: number;
  seed: number;
  split: SplitFractions;
  tokenizer: string;
  /** Sessions with at least one example written. */
  sessions: number;
  skipped_sessions: { file: string; reason: string }[];
  /** Examples written: one per step. */
  steps: number;
  /** Steps without a rationale (rationales asked for): left out, alone or with their session. */
  missing_rationales: { steps: number; sessions: number };
  splits: Record<SplitName, SftSplitSummary>;
  /** Problems with the data written, e.g. an empty split. */
  warnings: string[];
  tokens: TokenStats;
  trained_tokens: TokenStats;
  examples: SftExampleInfo[];
}

/**
 * Writes one fine-tuning example per step of every human session (sft-example.ts: the messages
 * the simulator sends for that step, and its answer) into train / validation / test JSONL files,
 * split by user so that no user spans two splits, and counts the tokens of every example.
 * Sessions are read and written one at a time.
 */
export async function exportSft(options: SftExportOptions): Promise<SftExportSummary> {
  const files = await humanTraceFiles(options.human);
  checkOutsideInput(options.human, options.out);
  const handles = await openSplitFiles(options.out);
  const examples: SftExampleInfo[] = [];
  const skipped: SftExportSummary['skipped_sessions'] = [];
  const missing = { steps: 0, sessions: 0 };
  const seen = new Set<string>();
  try {
    for (const file of files) {
      const trace = await readOrSkip(file, skipped);
      if (!trace) continue;
      const id = trace.header.session_id;
      if (seen.has(id)) {
        skipped.push({ file, reason: `session id ${id} appears twice` });
        continue;
      }
      seen.add(id);
      const built = trace.steps.map((_, i) => stepExample(trace, i, options));
      const lacking = built.filter((b) => b.missingRationale).length;
      if (lacking > 0) {
        missing.steps += lacking;
        missing.sessions++;
        if (options.missingRationale === 'skip') {
          skipped.push({
            file,
            reason: `${lacking} step(s) without a rationale (--missing-rationale skip)`,
          });
          continue;
        }
      }
      const key = splitKey(trace.header);
      const split = assignSplit(key, options.seed, options.split);
      for (const [step, example] of built.entries()) {
        if (!example.messages) continue;
        const exampleId = `${id}#${step}`;
        const line = formatRecord(options.format, {
          id: exampleId,
          userId: trace.header.user_id,
          messages: example.messages,
        });
        await handles[split].handle.write(line + '\n');
        const tokens = countTokens(example.messages);
        examples.push({
          id: exampleId,
          session_id: id,
          step,
          split,
          split_key: key,
          tokens: tokens.total,
          trained_tokens: tokens.trained,
        });
      }
    }
  } finally {
    await Promise.all(SPLIT_NAMES.map((s) => handles[s].handle.close()));
  }
  const splits = Object.fromEntries(
    SPLIT_NAMES.map((s) => [
      s,
      splitSummary(
        handles[s].file,
        examples.filter((e) => e.split === s),
      ),
    ]),
  ) as Record<SplitName, SftSplitSummary>;
  return {
    out: options.out,
    input: options.human,
    format: options.format,
    rationales: options.rationales,
    missing_rationale: options.missingRationale,
    history_pages: options.historyPages,
    seed: options.seed,
    split: options.split,
    tokenizer: TOKENIZER,
    sessions: new Set(examples.map((e) => e.session_id)).size,
    skipped_sessions: skipped,
    steps: examples.length,
    missing_rationales: missing,
    splits,
    warnings: emptySplitWarnings(splits, options.split),
    tokens: tokenStats(examples.map((e) => e.tokens)),
    trained_tokens: tokenStats(examples.map((e) => e.trained_tokens)),
    examples,
  };
}

function splitSummary(file: string, examples: SftExampleInfo[]): SftSplitSummary {
  return {
    file,
    examples: examples.length,
    users: new Set(examples.map((e) => e.split_key)).size,
    sessions: new Set(examples.map((e) => e.session_id)).size,
    tokens: tokenStats(examples.map((e) => e.tokens)),
    trained_tokens: tokenStats(examples.map((e) => e.trained_tokens)),
  };
}

async function openSplitFiles(
  out: string,
): Promise<Record<SplitName, { file: string; handle: FileHandle }>> {
  await mkdir(out, { recursive: true });
  const opened: Partial<Record<SplitName, { file: string; handle: FileHandle }>> = {};
  try {
    for (const split of SPLIT_NAMES) {
      const file = path.join(out, `${split}.jsonl`);
      try {
        opened[split] = { file, handle: await open(file, 'wx') };
      } catch (error) {
        const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
        throw new UsageError(
          exists
            ? `${file} already exists; choose a new --out folder.`
            : `cannot write ${file} (${(error as Error).message}); check --out.`,
        );
      }
    }
  } catch (error) {
    await Promise.all(Object.values(opened).map((o) => o.handle.close()));
    throw error;
  }
  return opened as Record<SplitName, { file: string; handle: FileHandle }>;
}

async function readOrSkip(
  file: string,
  skipped: SftExportSummary['skipped_sessions'],
): Promise<Trace | null> {
  const trace = await readHumanTrace(file, skipped, 'only human sessions are exported');
  if (!trace) return null;
  if (trace.steps.length === 0) {
    skipped.push({ file, reason: 'the session has no steps' });
    return null;
  }
  return trace;
}
