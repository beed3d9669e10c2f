import { open, type FileHandle } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { checkOutsideInput, humanTraceFiles, readHumanTrace } from '../traces/human-input.js';
import type { Trace } from '../traces/schema.js';
import { sessionConversation } from './sft-conversation.js';
import { formatRecord, type SftFormat } from './sft-format.js';
import {
  assignSplit,
  splitKey,
  SPLIT_NAMES,
  type SplitFractions,
  type SplitName,
} from './sft-split.js';
import { countTokens, TOKENIZER, tokenStats, type TokenStats } from './sft-tokens.js';

/** What to do with a session holding steps without a rationale, when rationales are asked for. */
export type MissingRationaleMode = 'mask' | 'skip';

export interface SftExportOptions {
  human: string;
  format: SftFormat;
  rationales: boolean;
  maxFullPages: number | null;
  seed: number;
  split: SplitFractions;
  missingRationale: MissingRationaleMode;
  out: string;
}

export interface SftExampleInfo {
  id: string;
  split: SplitName;
  split_key: string;
  steps: number;
  tokens: number;
  trained_tokens: number;
  missing_rationales: number;
}

export interface SftSplitSummary {
  file: string;
  examples: number;
  users: number;
  steps: number;
  tokens: TokenStats;
  trained_tokens: TokenStats;
}

export interface SftExportSummary {
  out: string;
  input: string;
  format: SftFormat;
  rationales: boolean;
  missing_rationale: MissingRationaleMode;
  max_full_pages: number | null;
  seed: number;
  split: SplitFractions;
  tokenizer: string;
  sessions: number;
  skipped_sessions: { file: string; reason: string }[];
  steps: number;
  /** Steps without a rationale (rationales asked for): masked, or their sessions dropped. */
  missing_rationales: { steps: number; sessions: number };
  splits: Record<SplitName, SftSplitSummary>;
  tokens: TokenStats;
  trained_tokens: TokenStats;
  examples: SftExampleInfo[];
}

/**
 * Writes one fine-tuning example per human session into train / validation / test JSONL files,
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
      const conversation = sessionConversation(trace, options);
      if (conversation.missingRationales > 0) {
        missing.steps += conversation.missingRationales;
        missing.sessions++;
        if (options.missingRationale === 'skip') {
          skipped.push({
            file,
            reason: `${conversation.missingRationales} step(s) without a rationale (--missing-rationale skip)`,
          });
          continue;
        }
      }
      const key = splitKey(trace.header);
      const split = assignSplit(key, options.seed, options.split);
      const line = formatRecord(options.format, {
        id,
        userId: trace.header.user_id,
        messages: conversation.messages,
      });
      await handles[split].handle.write(line + '\n');
      const tokens = countTokens(conversation.messages);
      examples.push({
        id,
        split,
        split_key: key,
        steps: trace.steps.length,
        tokens: tokens.total,
        trained_tokens: tokens.trained,
        missing_rationales: conversation.missingRationales,
      });
    }
  } finally {
    await Promise.all(SPLIT_NAMES.map((s) => handles[s].handle.close()));
  }
  return {
    out: options.out,
    input: options.human,
    format: options.format,
    rationales: options.rationales,
    missing_rationale: options.missingRationale,
    max_full_pages: options.maxFullPages,
    seed: options.seed,
    split: options.split,
    tokenizer: TOKENIZER,
    sessions: examples.length,
    skipped_sessions: skipped,
    steps: examples.reduce((n, e) => n + e.steps, 0),
    missing_rationales: missing,
    splits: Object.fromEntries(
      SPLIT_NAMES.map((s) => [
        s,
        splitSummary(
          handles[s].file,
          examples.filter((e) => e.split === s),
        ),
      ]),
    ) as Record<SplitName, SftSplitSummary>,
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
    steps: examples.reduce((n, e) => n + e.steps, 0),
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
