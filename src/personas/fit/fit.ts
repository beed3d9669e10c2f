import { UsageError } from '../../errors.js';
import type { Persona } from '../../persona.js';
import { checkOutsideInput, humanTraceFiles, readHumanTrace } from '../../traces/human-input.js';
import { chooseK } from './choose-k.js';
import { cohortPersona } from './cohort-persona.js';
import { FEATURES, sessionFeatures, standardise, type SessionFeatures } from './features.js';

export interface FitOptions {
  /** Human traces: session files, run folders or folders of runs. */
  human: string[];
  /** Number of cohorts; null: chosen by silhouette (see chooseK). */
  k: number | null;
  seed: number;
  out: string;
}

/** What was fitted: the personas and the summary written to cohorts.json. */
export interface FitResult {
  personas: Persona[];
  summary: CohortsSummary;
}

export interface CohortsSummary {
  sessions: number;
  skipped: { file: string; reason: string }[];
  features: readonly string[];
  transform: string;
  seed: number;
  k: number;
  rule: string;
  silhouette: { k: number; silhouette: number }[];
  cohorts: {
    id: string;
    file: string;
    weight: number;
    sessions: number;
    goal: 'buy' | 'browse';
    means: Record<string, number>;
    top_queries: string[];
    top_products: string[];
  }[];
}

/** The human sessions under the inputs, each file once; sessions without steps or cut short skipped. */
async function readSessions(
  human: readonly string[],
  out: string,
  skipped: CohortsSummary['skipped'],
): Promise<SessionFeatures[]> {
  const seen = new Set<string>();
  const sessions: SessionFeatures[] = [];
  for (const input of human) {
    checkOutsideInput(input, out);
    for (const file of await humanTraceFiles(input)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const trace = await readHumanTrace(file, skipped, 'only human sessions are fitted.');
      if (!trace) continue;
      if (trace.steps.length === 0) skipped.push({ file, reason: 'it has no steps.' });
      else if (trace.end?.outcome === 'interrupted') {
        skipped.push({ file, reason: 'it was interrupted; it says nothing about the shopper.' });
      } else sessions.push(sessionFeatures(trace));
    }
  }
  return sessions;
}

/**
 * Groups human sessions into behavioural cohorts (standardised features, k-means) and makes one
 * persona per cohort, its weight the cohort's share of the sessions. Writes nothing.
 */
export async function fitCohorts(options: FitOptions): Promise<FitResult> {
  const skipped: CohortsSummary['skipped'] = [];
  const sessions = await readSessions(options.human, options.out, skipped);
  if (sessions.length === 0) {
    throw new UsageError(
      `${options.human.join(', ')} holds no human session with steps; give recorded or imported human traces.`,
    );
  }
  const points = standardise(sessions);
  const choice = chooseK(points, options.seed, options.k);
  const members = Array.from({ length: choice.k }, () => [] as SessionFeatures[]);
  choice.clustering.assignments.forEach((c, i) => members[c]!.push(sessions[i]!));
  const personas = members.map((list, c) =>
    cohortPersona({
      index: c + 1,
      sessions: list,
      totalSessions: sessions.length,
      source: options.human,
    }),
  );
  return {
    personas,
    summary: {
      sessions: sessions.length,
      skipped,
      features: FEATURES,
      transform: 'steps and product_views as log(1 + x); every feature standardised (z-score)',
      seed: options.seed,
      k: choice.k,
      rule: choice.rule,
      silhouette: choice.scores,
      cohorts: personas.map((p) => ({
        id: p.id,
        file: `${p.id}.json`,
        weight: p.weight!,
        sessions: p.fitted!.sessions,
        goal: p.goal,
        means: p.fitted!.means,
        top_queries: p.fitted!.top_queries,
        top_products: p.fitted!.top_products,
      })),
    },
  };
}
