import type { EvalSettings } from './eval-settings.js';
import type { EvalMetrics } from './metrics/index.js';
import type { LineIssue } from './predictions-file.js';
import type { PublishedFigure } from './published.js';

export interface UsageSummary {
  /** Model calls, retries included. */
  calls: number;
  /** Steps that needed more than one call. */
  retried_steps: number;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  mean_latency_ms: number | null;
}

/** eval.json: everything `shopsim eval` measured, and how. */
export interface EvalResult {
  kind: 'eval';
  shopsim_version: string;
  created_at: string;
  out_dir: string;
  settings: EvalSettings & { concurrency: number | null };
  data: {
    sessions: number;
    steps: number;
    /** Session files without steps (skipped). */
    empty_sessions: string[];
    /** Sessions whose header source is not "human". */
    non_human_sessions: number;
    /** Human steps naming an element missing from their own observation. */
    gold_absent: number;
    /** Human steps the model-answer validator rejects on their own page (model mode cannot match them). */
    gold_rejected: number;
    /** Human steps whose observation lists no named elements. */
    no_elements: number;
    steps_with_rationale: number;
  };
  predictions: {
    file: string;
    /** Model predictions made in this run. */
    made_now: number;
    /** Predictions reused from an earlier, interrupted run into the same folder. */
    resumed: number;
    /** Lines of the earlier predictions.jsonl that could not be read (and were redone). */
    unreadable_lines: number;
    /** Earlier predictions for steps that are not in the human traces any more (kept, not scored). */
    stale_records: number;
    /** --predictions only: problems found in the file. */
    file_issues: {
      lines: number;
      malformed: LineIssue[];
      duplicates: LineIssue[];
      unmatched: LineIssue[];
    } | null;
    usage: UsageSummary | null;
  };
  metrics: EvalMetrics;
  published: PublishedFigure[];
}
