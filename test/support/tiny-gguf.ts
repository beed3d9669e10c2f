import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../../src/prng.js';

/**
 * Writes a tiny llama-architecture GGUF (v3) with seeded random F32 weights, from plain Buffer
 * code. It loads in llama.cpp / node-llama-cpp like any real model, so the llama backend can be
 * tested end to end in well under a second; its output is noise, which is the point: only a
 * grammar can make it answer valid JSON.
 */
export interface TinyGgufOptions {
  seed?: number;
  embedding?: number;
  blocks?: number;
  heads?: number;
  feedForward?: number;
  contextLength?: number;
}

/** GGUF metadata value types (gguf.md). */
const T = { UINT32: 4, INT32: 5, FLOAT32: 6, STRING: 8, ARRAY: 9 } as const;
const GGML_TYPE_F32 = 0;
const ALIGNMENT = 32;

/** SentencePiece token types as llama.cpp reads them. */
const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_BYTE = 6;

/** Token ids of the fixed layout: <unk>, <s>, </s>, then the 256 byte tokens, then ASCII chars. */
export const TINY_UNK_ID = 0;
export const TINY_BOS_ID = 1;
export const TINY_EOS_ID = 2;
export const TINY_FIRST_BYTE_ID = 3;

type MetaValue =
  | { type: 'u32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'str'; value: string }
  | { type: 'strs'; value: string[] }
  | { type: 'f32s'; value: number[] }
  | { type: 'i32s'; value: number[] };

/**
 * The vocabulary: specials, all 256 <0xXX> byte tokens, printable ASCII (space as "▁").
 * All 256 byte tokens are needed: llama.cpp's byte fallback aborts the whole process when a
 * non-ASCII input byte has no token. Generation should ban the ids of <0x80>..<0xFF>
 * (LlamaModelOptions.banHighByteTokens) so noise output stays valid UTF-8.
 */
export function tinyVocabulary(): { tokens: string[]; types: number[]; scores: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [TOKEN_UNKNOWN, TOKEN_CONTROL, TOKEN_CONTROL];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(TOKEN_BYTE);
  }
  for (let c = 0x20; c <= 0x7e; c++) {
    tokens.push(c === 0x20 ? '\u2581' : String.fromCharCode(c));
    types.push(TOKEN_NORMAL);
  }
  const scores = tokens.map((_, i) => (types[i] === TOKEN_NORMAL ? -i : 0));
  return { tokens, types, scores };
}

class Writer {
  private chunks: Buffer[] = [];
  length = 0;
  push(buf: Buffer): void {
    this.chunks.push(buf);
    this.length += buf.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  pad(alignment: number): void {
    const rest = this.length % alignment;
    if (rest) this.push(Buffer.alloc(alignment - rest));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeMeta(w: Writer, key: string, v: MetaValue): void {
  w.str(key);
  switch (v.type) {
    case 'u32':
      w.u32(T.UINT32);
      w.u32(v.value);
      break;
    case 'f32':
      w.u32(T.FLOAT32);
      w.f32(v.value);
      break;
    case 'str':
      w.u32(T.STRING);
      w.str(v.value);
      break;
    case 'strs':
      w.u32(T.ARRAY);
      w.u32(T.STRING);
      w.u64(v.value.length);
      for (const s of v.value) w.str(s);
      break;
    case 'f32s':
      w.u32(T.ARRAY);
      w.u32(T.FLOAT32);
      w.u64(v.value.length);
      for (const x of v.value) w.f32(x);
      break;
    case 'i32s':
      w.u32(T.ARRAY);
      w.u32(T.INT32);
      w.u64(v.value.length);
      for (const x of v.value) w.i32(x);
      break;
  }
}

interface TensorSpec {
  name: string;
  /** ggml order: ne[0] (the contiguous row length) first. */
  dims: number[];
  /** Norm weights are ones; everything else uniform noise scaled by 1/sqrt(row length). */
  fill: 'ones' | 'random';
}

function tensorSpecs(o: Required<TinyGgufOptions>, vocab: number): TensorSpec[] {
  const e = o.embedding;
  const specs: TensorSpec[] = [
    { name: 'token_embd.weight', dims: [e, vocab], fill: 'random' },
    { name: 'output_norm.weight', dims: [e], fill: 'ones' },
    { name: 'output.weight', dims: [e, vocab], fill: 'random' },
  ];
  for (let i = 0; i < o.blocks; i++) {
    const p = `blk.${i}.`;
    specs.push(
      { name: p + 'attn_norm.weight', dims: [e], fill: 'ones' },
      { name: p + 'attn_q.weight', dims: [e, e], fill: 'random' },
      { name: p + 'attn_k.weight', dims: [e, e], fill: 'random' },
      { name: p + 'attn_v.weight', dims: [e, e], fill: 'random' },
      { name: p + 'attn_output.weight', dims: [e, e], fill: 'random' },
      { name: p + 'ffn_norm.weight', dims: [e], fill: 'ones' },
      { name: p + 'ffn_gate.weight', dims: [e, o.feedForward], fill: 'random' },
      { name: p + 'ffn_up.weight', dims: [e, o.feedForward], fill: 'random' },
      { name: p + 'ffn_down.weight', dims: [o.feedForward, e], fill: 'random' },
    );
  }
  return specs;
}

/** Builds the GGUF bytes in memory (about 0.5 MB with the defaults). */
export function buildTinyGguf(options: TinyGgufOptions = {}): Buffer {
  const o: Required<TinyGgufOptions> = {
    seed: 1,
    embedding: 64,
    blocks: 2,
    heads: 4,
    feedForward: 128,
    contextLength: 8192,
    ...options,
  };
  const vocab = tinyVocabulary();
  const meta: [string, MetaValue][] = [
    ['general.architecture', { type: 'str', value: 'llama' }],
    ['general.name', { type: 'str', value: 'shopsim-tiny-test' }],
    ['general.alignment', { type: 'u32', value: ALIGNMENT }],
    ['llama.context_length', { type: 'u32', value: o.contextLength }],
    ['llama.embedding_length', { type: 'u32', value: o.embedding }],
    ['llama.block_count', { type: 'u32', value: o.blocks }],
    ['llama.feed_forward_length', { type: 'u32', value: o.feedForward }],
    ['llama.attention.head_count', { type: 'u32', value: o.heads }],
    ['llama.attention.head_count_kv', { type: 'u32', value: o.heads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', { type: 'u32', value: o.embedding / o.heads }],
    ['llama.vocab_size', { type: 'u32', value: vocab.tokens.length }],
    ['tokenizer.ggml.model', { type: 'str', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'strs', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'f32s', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'i32s', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', { type: 'u32', value: TINY_UNK_ID }],
    ['tokenizer.ggml.bos_token_id', { type: 'u32', value: TINY_BOS_ID }],
    ['tokenizer.ggml.eos_token_id', { type: 'u32', value: TINY_EOS_ID }],
  ];
  const tensors = tensorSpecs(o, vocab.tokens.length);

  const w = new Writer();
  w.push(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(meta.length);
  for (const [key, value] of meta) writeMeta(w, key, value);

  let offset = 0;
  const offsets: number[] = [];
  for (const t of tensors) {
    offsets.push(offset);
    const bytes = 4 * t.dims.reduce((a, b) => a * b, 1);
    offset += Math.ceil(bytes / ALIGNMENT) * ALIGNMENT;
  }
  tensors.forEach((t, i) => {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_F32);
    w.u64(offsets[i]!);
  });
  w.pad(ALIGNMENT);

  const random = mulberry32(o.seed);
  for (const t of tensors) {
    const count = t.dims.reduce((a, b) => a * b, 1);
    const data = Buffer.alloc(Math.ceil((4 * count) / ALIGNMENT) * ALIGNMENT);
    const scale = 1 / Math.sqrt(t.dims[0]!);
    for (let i = 0; i < count; i++) {
      data.writeFloatLE(t.fill === 'ones' ? 1 : (random() * 2 - 1) * scale, 4 * i);
    }
    w.push(data);
  }
  return w.toBuffer();
}

/** Writes the tiny model into a fresh temp directory and returns its path. */
export async function writeTinyGguf(options: TinyGgufOptions = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-tiny-gguf-'));
  const file = path.join(dir, 'tiny-llama.gguf');
  await writeFile(file, buildTinyGguf(options));
  return file;
}
