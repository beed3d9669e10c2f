import { encode } from 'gpt-tokenizer/model/gpt-4o';
import type { Trace, TraceStep } from '../../traces/schema.js';
import type { Row } from './columns.js';

/** Special-token text inside page content is counted as plain text, never rejected. */
const PLAIN = { disallowedSpecial: new Set<string>() };

function headerCells(trace: Trace): Row {
  const h = trace.header;
  return {
    session_id: h.session_id,
    run_id: h.run_id,
    source: h.source,
    dataset: h.dataset,
    user_id: h.user_id,
    persona_id: h.persona?.id ?? null,
    site: h.site,
    variant: h.variant,
    model: h.model,
    seed: h.seed,
  };
}

/** The sum of a usage field over the steps that report it; null when none does. */
function total(steps: TraceStep[], pick: (step: TraceStep) => number | null | undefined) {
  const values = steps.map(pick).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}

/** A session as one row: header fields, outcome, counts and model usage totals. */
export function sessionRow(trace: Trace): Row {
  const { header: h, steps, end } = trace;
  return {
    ...headerCells(trace),
    persona_name: h.persona?.display_name ?? null,
    started_at: h.started_at,
    shopsim_version: h.shopsim_version,
    replay_of_session_id: h.replay_of?.session_id ?? null,
    file: trace.file,
    // a trace cut off before its end line has no outcome
    outcome: end?.outcome ?? null,
    purchased: end ? end.outcome === 'purchase' : null,
    steps: steps.length,
    failed_steps: steps.filter((s) => s.result && !s.result.ok).length,
    steps_with_rationale: steps.filter((s) => s.rationale?.trim()).length,
    duration_ms: end?.duration_ms ?? null,
    error: end?.error ?? null,
    order_id: end?.order_id ?? null,
    dropped_events: end?.dropped_events ?? null,
    prompt_tokens: total(steps, (s) => s.usage?.prompt_tokens),
    completion_tokens: total(steps, (s) => s.usage?.completion_tokens),
    model_latency_ms: total(steps, (s) => s.usage?.latency_ms),
    model_calls: total(steps, (s) => s.usage?.attempts),
  };
}

/** A session's steps, one row each, with the header fields and the session's outcome joined in. */
export function stepRows(trace: Trace, withHtml: boolean): Row[] {
  const header = headerCells(trace);
  const outcome = trace.end?.outcome ?? null;
  return trace.steps.map((step) => {
    const { action, observation, result, usage } = step;
    const html = observation.html;
    const row: Row = {
      ...header,
      outcome,
      step_index: step.index,
      time: step.time,
      url: step.url,
      page_title: observation.title,
      action_type: action.type,
      action_name: action.type === 'terminate' ? null : action.name,
      action_text: action.type === 'type_and_submit' ? action.text : null,
      rationale: step.rationale,
      rationale_source: step.rationale_source,
      click_type: step.click_type,
      result_ok: result?.ok ?? null,
      result_error: result?.error ?? null,
      url_after: result?.url_after ?? null,
      execute_ms: result?.execute_ms ?? null,
      settle_ms: result?.settle_ms ?? null,
      prompt_tokens: usage?.prompt_tokens ?? null,
      completion_tokens: usage?.completion_tokens ?? null,
      model_latency_ms: usage?.latency_ms ?? null,
      model_calls: usage?.attempts ?? null,
      screenshot: step.screenshot,
      observation_elements: observation.elements.length,
      observation_bytes: Buffer.byteLength(html, 'utf8'),
      observation_tokens: encode(html, PLAIN).length,
    };
    if (withHtml) row.observation_html = html;
    return row;
  });
}
