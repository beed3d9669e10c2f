import type { ChatRequestBody } from './openai-server.js';

/**
 * A stand-in LLM: searches, opens a result, then terminates. The typed query differs per call
 * (a counter), as sampled answers differ, so a re-run can only repeat the actions when it reuses
 * the stored answers.
 */
export function searchThenStop() {
  let calls = 0;
  return (body: ChatRequestBody) => {
    calls++;
    const prompt = body.messages.map((m) => m.content).join('\n');
    const step = Number(/page you see now \(step (\d+)\)/i.exec(prompt)?.[1] ?? '1');
    const search = /^- (\S*search\S*input) \(/m.exec(prompt)?.[1];
    const result = /^- (\S*search_results\.\S+\.title(?:_link)?) \(/m.exec(prompt)?.[1];
    let action: Record<string, unknown> = { type: 'terminate' };
    if (step === 1 && search)
      action = { type: 'type_and_submit', name: search, text: `trail shoes ${calls}` };
    else if (step === 2 && result) action = { type: 'click', name: result };
    return {
      content: JSON.stringify({ rationale: `Step ${step}, answer ${calls}.`, action }),
      promptTokens: 1000,
      completionTokens: 100,
    };
  };
}
