import type { ChatRequestBody } from './openai-server.js';

export interface SearchThenStopOptions {
  /** The query typed on call n (1-based); default `trail shoes <n>`, so each call differs. */
  query?: (call: number) => string;
  /** The rationale of step s on call n. */
  rationale?: (step: number, call: number) => string;
  promptTokens?: number;
  completionTokens?: number;
}

/**
 * A stand-in LLM behind the fake OpenAI server: reads the named elements from the prompt,
 * searches, opens the first result, then terminates, so the real openai client drives the real
 * browser. By default the typed query differs per call (a counter), as sampled answers differ,
 * so a re-run can only repeat the actions when it reuses stored answers.
 */
export function searchThenStop(options: SearchThenStopOptions = {}) {
  const query = options.query ?? ((n) => `trail shoes ${n}`);
  const rationale = options.rationale ?? ((s, n) => `Step ${s}, answer ${n}.`);
  let calls = 0;
  return (body: ChatRequestBody) => {
    calls++;
    const prompt = body.messages.map((m) => m.content).join('\n');
    const step = Number(/page you see now \(step (\d+)\)/i.exec(prompt)?.[1] ?? '1');
    const search = /^- (\S*search\S*input) \(/m.exec(prompt)?.[1];
    const result = /^- (\S*search_results\.\S+\.title(?:_link)?) \(/m.exec(prompt)?.[1];
    let action: Record<string, unknown> = { type: 'terminate' };
    if (step === 1 && search)
      action = { type: 'type_and_submit', name: search, text: query(calls) };
    else if (step === 2 && result) action = { type: 'click', name: result };
    return {
      content: JSON.stringify({ rationale: rationale(step, calls), action }),
      promptTokens: options.promptTokens ?? 1000,
      completionTokens: options.completionTokens ?? 100,
    };
  };
}
