import { UsageError } from '../errors.js';
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

/**
 * --verbose / --quiet of a command that runs sessions (simulate, ab): quiet also under --json
 * (stdout holds only the JSON); both at once is a usage error.
 */
export function verbosity(flags: { verbose?: boolean; quiet?: boolean; json?: boolean }): {
  verbose: boolean;
  quiet: boolean;
} {
  if (flags.verbose && flags.quiet) {
    throw new UsageError('--verbose and --quiet contradict each other: give one of them.');
  }
  return { verbose: !!flags.verbose, quiet: !!flags.json || !!flags.quiet };
}
