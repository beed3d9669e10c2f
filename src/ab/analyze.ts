import { readTraceFile } from '../traces/reader.js';
import type { Trace } from '../traces/schema.js';
import { audienceRows, type AudienceRow } from './audience-rates.js';
import { exclusiveClickShares, type ExclusiveClicks } from './click-shares.js';
import { discordantGroups, type DiscordantGroup, type TracedPair } from './divergence.js';
import { FUNNEL_STAGES, type FunnelStage } from './funnel.js';
import { BINARY_METRICS, sessionMetrics, type SessionMetrics } from './metrics.js';
import { personaBreakdown, type PersonaRow } from './persona-breakdown.js';
import type { FinishedPair } from './kept-pairs.js';
import { summarizePairs, type PairRecord, type PairsSummary } from './stats/index.js';
import { unfinishedPair, unfinishedSentence, type UnfinishedPair } from './unfinished.js';
import { UsageError } from '../errors.js';

/** Per arm figures of the funnel (share of the arm's sessions reaching each stage). */
export interface ArmFunnel {
  arm: string;
  sessions: number;
  stages: Record<FunnelStage, number>;
}

export interface PairsAnalysis {
  arms: { control: string; treatment: string };
  stats: PairsSummary;
  funnel: ArmFunnel[];
  discordant: DiscordantGroup[];
  exclusiveClicks: ExclusiveClicks[];
  personas: PersonaRow[];
  /** Each metric weighted to the audience when the personas carry weights; null otherwise. */
  audience: AudienceRow[] | null;
  /** Pairs left out of every figure above: a session in them errored, was cut off or interrupted. */
  unfinished: UnfinishedPair[];
  /** Each pair's id, seed and the arm that was queued first, in completion order. */
  pairs: { pairId: string; persona: string; seed: number; firstArm: string }[];
}

const STAGE_METRIC: Record<FunnelStage, keyof SessionMetrics> = {
  search: 'used_search',
  product: 'reached_product',
  cart: 'reached_cart',
  checkout: 'reached_checkout',
  purchase: 'converted',
};

function funnelOf(arm: string, metrics: readonly SessionMetrics[]): ArmFunnel {
  const stages = {} as Record<FunnelStage, number>;
  for (const stage of FUNNEL_STAGES) {
    stages[stage] = metrics.filter((m) => m[STAGE_METRIC[stage]] === true).length;
  }
  return { arm, sessions: metrics.length, stages };
}

/**
 * Reads the finished pairs' traces and compares the arms pair by pair: every metric with the
 * paired statistics (primary first, the rest exploratory), the funnel, discordant pairs by
 * divergence step, clicks on arm-only elements, a per-persona breakdown and, with persona
 * `weights`, each metric weighted to the audience.
 */
export async function analyzePairs(
  armNames: [string, string],
  finished: readonly FinishedPair[],
  orders: Map<string, number> | null,
  primary: string,
  weights: ReadonlyMap<string, number> | null = null,
): Promise<PairsAnalysis> {
  const traced: (TracedPair & {
    control: { metrics: SessionMetrics };
    treatment: { metrics: SessionMetrics };
  })[] = [];
  const unfinished: UnfinishedPair[] = [];
  for (const pair of finished) {
    const [c, t] = await Promise.all(pair.files.map((f) => readTraceFile(f)));
    const left = unfinishedPair(
      { pairId: pair.job.pairId, persona: pair.job.persona.id },
      armNames,
      [c!, t!],
    );
    if (left) {
      unfinished.push(left);
      continue;
    }
    traced.push({
      pairId: pair.job.pairId,
      persona: pair.job.persona.id,
      control: { trace: c!, metrics: sessionMetrics(c!, orders) },
      treatment: { trace: t!, metrics: sessionMetrics(t!, orders) },
    });
  }
  if (traced.length === 0) {
    throw new UsageError(
      `no pair finished in both arms; nothing to compare. ${unfinishedSentence(unfinished)}`,
    );
  }
  const records: PairRecord[] = traced.map((p) => ({
    pairId: p.pairId,
    persona: p.persona,
    control: p.control.metrics,
    treatment: p.treatment.metrics,
  }));
  const stats = summarizePairs(records, { primary });
  const traces = (side: 'control' | 'treatment'): Trace[] => traced.map((p) => p[side].trace);
  return {
    arms: { control: armNames[0], treatment: armNames[1] },
    stats,
    funnel: [
      funnelOf(
        armNames[0],
        traced.map((p) => p.control.metrics),
      ),
      funnelOf(
        armNames[1],
        traced.map((p) => p.treatment.metrics),
      ),
    ],
    discordant: discordantGroups(traced, BINARY_METRICS),
    exclusiveClicks: exclusiveClickShares([
      { name: armNames[0], traces: traces('control') },
      { name: armNames[1], traces: traces('treatment') },
    ]),
    personas: personaBreakdown(traced),
    audience: weights ? audienceRows(traced, weights) : null,
    unfinished,
    pairs: finished.map((p) => ({
      pairId: p.job.pairId,
      persona: p.job.persona.id,
      seed: p.job.seed,
      firstArm: armNames[p.job.order[0]]!,
    })),
  };
}
