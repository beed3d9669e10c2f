import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerCache, canonicalJson } from '../../src/models/answer-cache.js';
import { CachedChat, cachedSimulator } from '../../src/models/cached-chat.js';
import type { ChatModel, ChatRequest } from '../../src/models/chat.js';
import { RandomModel } from '../../src/models/random.js';

/** A chat model that answers "answer <n>" and counts its calls. */
function countingChat(): ChatModel & { calls: number } {
  const model = {
    id: 'openai:counting',
    constrained: false,
    calls: 0,
    async chat() {
      model.calls++;
      await new Promise((r) => setTimeout(r, 5));
      return {
        text: `answer ${model.calls}`,
        refusal: null,
        promptTokens: 10,
        completionTokens: 2,
      };
    },
    async close() {},
  };
  return model;
}

const request = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'You shop.' },
    { role: 'user', content },
  ],
  ...extra,
});

async function freshCache(): Promise<AnswerCache> {
  return AnswerCache.open(await mkdtemp(path.join(tmpdir(), 'shopsim-cache-unit-')));
}

describe('CachedChat', () => {
  it('tells onExchange about each answer it serves from the folder (a model call tells its own)', async () => {
    const cache = await freshCache();
    const inner = countingChat();
    const seen: [string, string][] = [];
    const chat = new CachedChat(inner, cache, {
      seed: 1,
      session: 's-1',
      onExchange: (_request, reply, origin) => seen.push([reply.text, origin]),
    });
    await chat.chat(request('page A'));
    expect(seen).toEqual([]); // a miss: the inner model's own observer reports the call
    await chat.chat(request('page A'));
    expect(seen).toEqual([['answer 1', 'cache']]);
    expect(inner.calls).toBe(1);
  });

  it('answers a seen call from the folder and keys every setting that changes the answer', async () => {
    const cache = await freshCache();
    const inner = countingChat();
    const chat = new CachedChat(inner, cache, { seed: 1, session: 's-1' });
    const first = await chat.chat(request('page A'));
    expect(first.text).toBe('answer 1');
    const again = await chat.chat(request('page A'));
    expect(again).toEqual({
      text: 'answer 1',
      refusal: null,
      promptTokens: 0,
      completionTokens: 0,
    });
    expect(inner.calls).toBe(1);

    await chat.chat(request('page B'));
    await chat.chat(request('page A', { temperature: 0.2 }));
    await chat.chat(request('page A', { maxTokens: 50 }));
    const schema = { name: 'step', schema: z.object({ a: z.string() }) };
    await chat.chat(request('page A', { schema }));
    await new CachedChat(inner, cache, { seed: 2, session: 's-1' }).chat(request('page A'));
    await new CachedChat(inner, cache, { seed: 1, session: 's-2' }).chat(request('page A'));
    expect(inner.calls).toBe(7);
    expect(cache.stats).toEqual({
      hits: 1,
      misses: 7,
      savedPromptTokens: 10,
      savedCompletionTokens: 2,
    });
  });

  it('keys the normalized text: the same page on another port is a hit', async () => {
    const cache = await freshCache();
    const inner = countingChat();
    const at = (origin: string) =>
      new CachedChat(inner, cache, {
        seed: 1,
        session: 's',
        normalize: (t) => t.split(origin).join('<site>'),
      });
    await at('http://127.0.0.1:4001').chat(request('URL: http://127.0.0.1:4001/cart'));
    const hit = await at('http://127.0.0.1:4999').chat(request('URL: http://127.0.0.1:4999/cart'));
    expect(hit.text).toBe('answer 1');
    expect(inner.calls).toBe(1);
  });

  it('keeps one whole file when parallel calls store the same key', async () => {
    const cache = await freshCache();
    const inner = countingChat();
    const chat = new CachedChat(inner, cache, { seed: 1, session: 's' });
    await Promise.all(Array.from({ length: 8 }, () => chat.chat(request('same'))));
    const files = (await readdir(cache.dir, { recursive: true })).filter((f) => f.includes('.'));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.tmp'))).toHaveLength(0);
    const reread = await new CachedChat(inner, cache, { seed: 1, session: 's' }).chat(
      request('same'),
    );
    expect(reread.text).toMatch(/^answer [1-8]$/);
  });

  it('says to delete a damaged entry', async () => {
    const cache = await freshCache();
    const inner = countingChat();
    const chat = new CachedChat(inner, cache, { seed: 1, session: 's' });
    await chat.chat(request('x'));
    const [sub] = await readdir(cache.dir);
    const [file] = await readdir(path.join(cache.dir, sub!));
    await writeFile(path.join(cache.dir, sub!, file!), '{"half":');
    await expect(chat.chat(request('x'))).rejects.toThrow(/not a shopsim cached answer; delete/);
  });

  it('leaves baselines that are no chat model uncached', async () => {
    const cache = await freshCache();
    expect(cachedSimulator(new RandomModel(1), cache, { seed: 1, session: 's' })).toBeNull();
  });

  it('writes canonical JSON: key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
