import { parseActionString } from '../../src/action.js';
import type { Outcome, Trace, TraceStep } from '../../src/traces/schema.js';

/** A step on `url` taking `action` ("click x", ...), its page showing `names`. */
export function step(
  index: number,
  url: string,
  action: string,
  options: { names?: string[]; after?: string; ok?: boolean; rationale?: string } = {},
): TraceStep {
  return {
    kind: 'step',
    index,
    time: '2025-01-01T00:00:00.000Z',
    url,
    observation: {
      url,
      title: 'page',
      html: '<main></main>',
      elements: (options.names ?? []).map((name) => ({
        name,
        kind: 'button',
        text: name,
        tag: 'button',
        href: null,
        value: null,
        checked: null,
        disabled: false,
        inputType: null,
        screen: null,
        prominence: null,
      })),
    },
    rationale: options.rationale ?? `reason ${index}`,
    rationale_source: 'model',
    action: parseActionString(action),
    click_type: null,
    result: {
      ok: options.ok ?? true,
      error: null,
      url_after: options.after ?? null,
      execute_ms: null,
      settle_ms: null,
    },
    usage: null,
    raw: null,
    screenshot: null,
  };
}

/** A simulated session of these steps ending with `outcome`. */
export function trace(
  id: string,
  steps: TraceStep[],
  outcome: Outcome,
  orderId: string | null = null,
): Trace {
  return {
    file: `${id}.jsonl`,
    header: {
      kind: 'header',
      schema_version: 1,
      session_id: id,
      run_id: null,
      source: 'simulated',
      dataset: null,
      user_id: null,
      persona: null,
      site: 'builtin',
      variant: null,
      model: 'heuristic',
      seed: 7,
      started_at: '2025-01-01T00:00:00.000Z',
      shopsim_version: 'test',
      replay_of: null,
    },
    steps,
    end: {
      kind: 'end',
      outcome,
      steps: steps.length,
      duration_ms: 12_000,
      error: null,
      dropped_events: 0,
      order_id: orderId,
    },
  };
}
