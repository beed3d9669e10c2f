/**
 * Published figures for teacher-forced next-action prediction against real shopping sessions,
 * as quoted in the simulation protocol (docs: shared/reference/simulation-protocol.md). Shown
 * beside a run's own numbers for reference only: datasets, sites and prompts differ.
 */
export interface PublishedFigure {
  source: string;
  dataset: string;
  model: string;
  setting: string;
  /** Exact-match next-action accuracy, 0..1. */
  action_accuracy: number | null;
  /** Session outcome F1, 0..1. */
  outcome_f1: number | null;
  outcome_f1_kind: 'binary' | 'weighted' | null;
}

const LU = 'Lu et al. 2025';
const LU_DATA = '31,865 real sessions, 230,965 actions';
const OPERA = 'OPeRA';
const OPERA_DATA = 'public, 692 sessions, 28,904 actions, 51 users';
const SHOP_R1 = 'Shop-R1';
const SHOP_R1_DATA = 'RL on real sessions';

export const PUBLISHED_FIGURES: PublishedFigure[] = [
  {
    source: LU,
    dataset: LU_DATA,
    model: 'DeepSeek-R1',
    setting: 'prompt only',
    action_accuracy: 0.1186,
    outcome_f1: 0.2001,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Claude 3.5 Sonnet',
    setting: 'prompt only',
    action_accuracy: 0.0972,
    outcome_f1: 0.1591,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Llama 3.1 70B',
    setting: 'prompt only',
    action_accuracy: 0.0819,
    outcome_f1: 0.1269,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Qwen2.5-7B',
    setting: 'prompt only',
    action_accuracy: 0.0425,
    outcome_f1: 0.1194,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Qwen2.5-7B',
    setting: 'fine-tuned with synthesized rationales',
    action_accuracy: 0.1726,
    outcome_f1: 0.3386,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Qwen2.5-7B',
    setting: 'fine-tuned without rationales',
    action_accuracy: 0.1667,
    outcome_f1: 0.2692,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Llama-3.2-3B',
    setting: 'fine-tuned with rationales',
    action_accuracy: 0.1577,
    outcome_f1: 0.3399,
    outcome_f1_kind: 'binary',
  },
  {
    source: LU,
    dataset: LU_DATA,
    model: 'Llama-3.2-3B',
    setting: 'fine-tuned without rationales',
    action_accuracy: 0.0931,
    outcome_f1: 0.0473,
    outcome_f1_kind: 'binary',
  },
  {
    source: OPERA,
    dataset: OPERA_DATA,
    model: 'GPT-4.1',
    setting: 'prompt only',
    action_accuracy: 0.2151,
    outcome_f1: 0.4754,
    outcome_f1_kind: 'weighted',
  },
  {
    source: OPERA,
    dataset: OPERA_DATA,
    model: 'DeepSeek-R1',
    setting: 'prompt only',
    action_accuracy: 0.1475,
    outcome_f1: 0.4636,
    outcome_f1_kind: 'weighted',
  },
  {
    source: SHOP_R1,
    dataset: SHOP_R1_DATA,
    model: 'Qwen2.5-3B',
    setting: 'SFT',
    action_accuracy: 0.1676,
    outcome_f1: null,
    outcome_f1_kind: null,
  },
  {
    source: SHOP_R1,
    dataset: SHOP_R1_DATA,
    model: 'Qwen2.5-3B',
    setting: 'SFT + RL',
    action_accuracy: 0.2772,
    outcome_f1: null,
    outcome_f1_kind: null,
  },
];

/** Observed in those studies: the share of all errors that are "clicked the wrong target". */
export const PUBLISHED_WRONG_TARGET_SHARE: [number, number] = [0.6, 0.76];

/** Aggregate human behaviour in the large study (Lu et al. 2025). */
export const PUBLISHED_HUMAN_AGGREGATES = {
  source: LU,
  actions_per_session: 7.2,
  purchase_rate: 0.14,
  terminate_rate: 0.86,
};
