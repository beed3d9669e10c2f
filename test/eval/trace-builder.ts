import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Action } from '../../src/action.js';
import type { ObservedElement } from '../../src/observe/observation.js';
import type { Outcome, Trace, TraceSource } from '../../src/traces/schema.js';

export interface StepSpec {
  action: Action;
  clickType?: string | null;
  /** Leave the acted-on element off the page (a data-quality problem). */
  omitTarget?: boolean;
  /** Extra elements on the page besides the acted-on one. */
  elements?: Partial<ObservedElement>[];
}

/** An enabled button named `name`, unless `e` says otherwise. */
export function element(e: Partial<ObservedElement> & { name: string }): ObservedElement {
  return {
    kind: 'button',
    text: e.name,
    tag: 'button',
    href: null,
    value: null,
    checked: null,
    disabled: false,
    inputType: null,
    screen: null,
    prominence: null,
    ...e,
  };
}

/** A small in-memory trace; the acted-on element is always on its page. */
export function buildTrace(
  id: string,
  source: TraceSource,
  steps: StepSpec[],
  outcome: Outcome | null,
): Trace {
  return {
    file: `${id}.jsonl`,
    header: {
      kind: 'header',
      schema_version: 1,
      session_id: id,
      run_id: null,
      source,
      dataset: null,
      user_id: null,
      persona: null,
      site: 'http://shop.test',
      variant: null,
      model: null,
      seed: null,
      started_at: '2026-11-01T10:00:00.000Z',
      shopsim_version: '0.1.0',
      replay_of: null,
    },
    steps: steps.map((s, index) => {
      const own =
        s.action.type === 'terminate' ||
        s.omitTarget ||
        (s.elements ?? []).some((e) => s.action.type !== 'terminate' && e.name === s.action.name)
          ? []
          : [
              element({
                name: s.action.name,
                kind: s.action.type === 'type_and_submit' ? 'text_input' : 'button',
              }),
            ];
      return {
        kind: 'step',
        index,
        time: '2026-11-01T10:00:01.000Z',
        url: 'http://shop.test/',
        observation: {
          url: 'http://shop.test/',
          title: 'Shop',
          html: '<main></main>',
          elements: [...own, ...(s.elements ?? []).map((e) => element({ name: 'x', ...e }))],
        },
        rationale: null,
        rationale_source: null,
        action: s.action,
        click_type: s.clickType ?? null,
        result: null,
        usage: null,
        raw: null,
        screenshot: null,
      };
    }),
    end: outcome
      ? {
          kind: 'end',
          outcome,
          steps: steps.length,
          duration_ms: 1000,
          error: null,
          dropped_events: 0,
          order_id: null,
        }
      : null,
  };
}

/** Writes traces as session files into a folder. */
export async function writeTraces(dir: string, traces: Trace[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const t of traces) {
    const lines = [t.header, ...t.steps, ...(t.end ? [t.end] : [])];
    await writeFile(path.join(dir, t.file), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
}
