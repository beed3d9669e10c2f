import { stripExtra } from '../action.js';
import type { Trace } from '../traces/schema.js';
import {
  sftPageSummary,
  sftPageTurn,
  sftSystemPrompt,
  withoutRationaleInstructions,
} from './sft-prompt.js';

export interface SftMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Only on assistant turns excluded from the loss (a step without a rationale). */
  weight?: 0;
}

export interface ConversationOptions {
  /** Train on {rationale, action} (true) or on {action} only (the ablation). */
  rationales: boolean;
  /** Full pages kept (the last k user turns); older ones become URL + title. null = all full. */
  maxFullPages: number | null;
}

export interface Conversation {
  messages: SftMessage[];
  /** Steps that had no rationale although rationales were asked for (masked with weight 0). */
  missingRationales: number;
}

/**
 * One session as one training conversation, following the protocol: the system turn holds the
 * persona (with the simulator's instructions), each user turn holds the page the shopper saw,
 * each assistant turn holds what they did as JSON {"rationale", "action"} (or {"action"}).
 *
 * A step without a rationale, when rationales are asked for, is written with "rationale": ""
 * and weight 0, so the conversation stays whole but the model is not taught empty rationales.
 */
export function sessionConversation(trace: Trace, options: ConversationOptions): Conversation {
  const first = trace.steps[0];
  if (!first) throw new Error(`session ${trace.header.session_id} has no steps`);
  const adapt = options.rationales ? (t: string) => t : withoutRationaleInstructions;
  const messages: SftMessage[] = [
    { role: 'system', content: adapt(sftSystemPrompt(trace.header.persona, first.observation)) },
  ];
  const steps = trace.steps.length;
  const firstFull =
    options.maxFullPages === null ? 0 : Math.max(0, steps - Math.max(0, options.maxFullPages));
  let missingRationales = 0;
  trace.steps.forEach((step, i) => {
    const page =
      i >= firstFull
        ? adapt(sftPageTurn(step.observation, i + 1))
        : sftPageSummary(step.observation, i + 1);
    messages.push({ role: 'user', content: page });
    const action = stripExtra(step.action);
    if (!options.rationales) {
      messages.push({ role: 'assistant', content: JSON.stringify({ action }) });
      return;
    }
    const rationale = step.rationale?.trim() ?? '';
    const turn: SftMessage = {
      role: 'assistant',
      content: JSON.stringify({ rationale, action }),
    };
    if (!rationale) {
      missingRationales++;
      turn.weight = 0;
    }
    messages.push(turn);
  });
  return { messages, missingRationales };
}
