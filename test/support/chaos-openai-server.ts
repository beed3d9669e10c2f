import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../../src/prng.js';

/**
 * An OpenAI-compatible chat server that misbehaves on purpose, reproducibly (seeded): of the
 * chat completion requests, 30% get garbage (a body that is not JSON, an HTML page, a completion
 * with no choices, or a completion whose content is chatter or an invalid action), 10% an HTTP
 * 500, 10% hang (the request is held until the client gives up or the server closes), and the
 * rest a valid answer from `answer`. Listens on 127.0.0.1, a free port.
 */

export type ChaosKind = 'valid' | 'garbage' | 'error500' | 'hang';

export interface ChaosServer {
  baseUrl: string;
  /** What each chat request got, in arrival order. */
  readonly served: ChaosKind[];
  /** Held (hanging) requests the client closed itself: its timeout fired. */
  readonly abandonedHangs: number;
  close(): Promise<void>;
}

export interface ChaosOptions {
  seed: number;
  /** The valid answer's message content for a request's messages. */
  answer: (messages: { role: string; content: string }[]) => string;
}

function completion(content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-chaos',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'chaos',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  });
}

const GARBAGE: { type: string; body: string }[] = [
  { type: 'application/json', body: '{"choices": [{"message": {"content": "I wi' },
  { type: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  { type: 'application/json', body: '{"object": "chat.completion", "choices": []}' },
  { type: 'application/json', body: completion('Sure! I would probably click something nice.') },
  {
    type: 'application/json',
    body: completion('{"rationale": "I fly.", "action": {"type": "fly"}}'),
  },
  {
    type: 'application/json',
    body: completion('{"action": {"type": "click", "name": "no.such.element"}}'),
  },
];

export async function startChaosServer(options: ChaosOptions): Promise<ChaosServer> {
  const random = mulberry32(options.seed);
  const served: ChaosKind[] = [];
  const held = new Set<ServerResponse>();
  let abandonedHangs = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error": {"message": "no route"}}');
      return;
    }
    const draw = random();
    const kind: ChaosKind =
      draw < 0.3 ? 'garbage' : draw < 0.4 ? 'error500' : draw < 0.5 ? 'hang' : 'valid';
    served.push(kind);
    if (kind === 'hang') {
      held.add(res);
      res.on('close', () => {
        if (held.delete(res)) abandonedHangs++;
      });
      return;
    }
    if (kind === 'error500') {
      const body = '{"error": {"message": "chaos: internal error", "type": "server_error"}}';
      res.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '5' }).end(body);
      return;
    }
    if (kind === 'garbage') {
      const g = GARBAGE[Math.floor(random() * GARBAGE.length)]!;
      res.writeHead(200, { 'content-type': g.type }).end(g.body);
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      messages: { role: string; content: string }[];
    };
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(completion(options.answer(body.messages)));
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    served,
    get abandonedHangs() {
      return abandonedHangs;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        held.clear();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
