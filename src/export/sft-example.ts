import { stripExtra } from '../action.js';
import type { ChatMessage } from '../models/chat.js';
import { buildPrompt } from '../models/prompt.js';
import { recordedStepRequest } from '../models/step-request.js';
import type { Trace } from '../traces/schema.js';
import { withoutRationaleInstructions } from './sft-prompt.js';

export interface SftMessage {
  role: ChatMessage['role'];
  content: string;
}

export interface ExampleOptions {
  /** Train on {rationale, action} (true) or on {action} only (the ablation). */
  rationales: boolean;
  /** Full HTML for the last k history steps, as the simulator's --history-pages. */
  historyPages: number;
}

export type StepExample =
  | { messages: SftMessage[]; missingRationale: false }
  /** Rationales were asked for and the step has none: no example (never an empty target). */
  | { messages: null; missingRationale: true };

/**
 * One training example per step, in exactly the format the simulator sends: the system and user
 * messages are what buildPrompt (the simulator's one prompt builder) makes for the teacher-forced
 * request of this step (recordedStepRequest, also used by eval), and the assistant message is the
 * answer the simulator parses, {"rationale": ..., "action": ...}.
 *
 * The no-rationale ablation asks for {"action": ...} in the same messages and shows no earlier
 * rationales, so its instructions and targets agree.
 */
export function stepExample(trace: Trace, index: number, options: ExampleOptions): StepExample {
  const request = recordedStepRequest(trace, index, options.historyPages);
  const step = trace.steps[index]!;
  const action = stripExtra(step.action);
  if (!options.rationales) {
    const history = request.history.map((h) => ({ ...h, rationale: null }));
    const prompt = buildPrompt({ ...request, history }).map((m) => ({
      role: m.role,
      content: withoutRationaleInstructions(m.content),
    }));
    return {
      messages: [...prompt, { role: 'assistant', content: JSON.stringify({ action }) }],
      missingRationale: false,
    };
  }
  const rationale = step.rationale?.trim() ?? '';
  if (!rationale) return { messages: null, missingRationale: true };
  const prompt = buildPrompt(request).map((m) => ({ role: m.role, content: m.content }));
  return {
    messages: [...prompt, { role: 'assistant', content: JSON.stringify({ rationale, action }) }],
    missingRationale: false,
  };
}
