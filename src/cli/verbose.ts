import type { ChatReply, ChatRequest } from '../models/chat.js';
import type { AnswerOrigin, ExchangeObserver } from '../models/observed-chat.js';

/**
 * One model call as --verbose shows it: every message of the prompt, then the raw answer; an
 * answer the --cache folder served is marked so (no model call was made for it).
 */
export function formatExchange(
  request: ChatRequest,
  reply: ChatReply,
  origin: AnswerOrigin = 'model',
): string {
  const where = request.key ? ` (${request.key})` : '';
  const messages = request.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n');
  const answer = reply.refusal !== null ? `[refusal]\n${reply.refusal}` : reply.text;
  const from = origin === 'cache' ? ' (from the cache: no model call)' : '';
  return `--- prompt${where} ---\n${messages}\n--- answer${from} ---\n${answer}\n--- end ---\n`;
}

/** --verbose: writes each exchange to `stream` (stderr), clearing a progress line drawn in place. */
export function verboseObserver(stream: NodeJS.WriteStream = process.stderr): ExchangeObserver {
  return (request, reply, origin) => {
    const clear = stream.isTTY ? '\r\x1b[2K' : '';
    stream.write(clear + formatExchange(request, reply, origin));
  };
}
