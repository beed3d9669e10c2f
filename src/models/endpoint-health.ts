/**
 * Run-wide health of model endpoints. A failure that retrying cannot fix (nothing listens at
 * the address, the host name does not resolve, the key is refused, the server has no such
 * model) marks the endpoint dead for the rest of the process, so every later call (any
 * session, any model object on the same base URL) fails at once with the same message instead
 * of rediscovering the failure through its own retries and timeouts.
 */

/** Why a failure is fatal and how far it reaches. */
export interface FatalFailure {
  /** 'server': every model at this base URL; 'model': only this model name there. */
  scope: 'server' | 'model';
  /** What happened, one phrase, e.g. "connection refused (connect ECONNREFUSED ...)". */
  reason: string;
}

/** Socket errors no retry can fix. */
const FATAL_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found (DNS)',
};

const dead = new Map<string, string>();

function key(baseUrl: string, model: string | null): string {
  const base = baseUrl.replace(/\/+$/, '');
  return model === null ? base : `${base}\n${model}`;
}

/** The message recorded for a dead endpoint serving `model`, or null when it is not known dead. */
export function deadEndpoint(baseUrl: string, model: string): string | null {
  return dead.get(key(baseUrl, null)) ?? dead.get(key(baseUrl, model)) ?? null;
}

/** Records that the endpoint failed for good; later calls get `message`. The first mark wins. */
export function markEndpointDead(
  baseUrl: string,
  model: string,
  failure: FatalFailure,
  message: string,
): void {
  const k = key(baseUrl, failure.scope === 'server' ? null : model);
  if (!dead.has(k)) dead.set(k, message);
}

/** Forgets every mark (tests; a long-lived process whose server came back). */
export function forgetDeadEndpoints(): void {
  dead.clear();
}

/**
 * Whether an error from an OpenAI-compatible call (after the SDK's retries) is one that no
 * retry can fix. Timeouts, resets, 429 and 5xx are not: a slow or busy server may recover.
 */
export function fatalFailure(error: unknown): FatalFailure | null {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401) return { scope: 'server', reason: 'the API key was refused (HTTP 401)' };
  if (status === 404) return { scope: 'model', reason: 'model or path not found (HTTP 404)' };
  if (typeof status === 'number') return null;
  for (const cause of causes(error)) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && code in FATAL_CODES) {
      return { scope: 'server', reason: `${FATAL_CODES[code]} (${messageOf(cause)})` };
    }
    if (/^bad port$/i.test(messageOf(cause))) {
      return { scope: 'server', reason: 'the port is one browsers and fetch refuse (bad port)' };
    }
  }
  return null;
}

/** The error, its causes and the errors of an AggregateError (IPv4 and IPv6 tried), depth-capped. */
function causes(error: unknown): object[] {
  const found: object[] = [];
  const queue: unknown[] = [error];
  while (queue.length && found.length < 12) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    found.push(next);
    const e = next as { cause?: unknown; errors?: unknown };
    queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return found;
}

function messageOf(error: object): string {
  return String((error as { message?: unknown }).message ?? '');
}
