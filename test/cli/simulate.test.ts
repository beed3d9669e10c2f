import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../src/agent/summary.js';
import { main } from '../../src/cli/main.js';
import { readTraceFile, readTraces } from '../../src/traces/reader.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/openai-server.js';
import { searchThenStop } from '../support/search-policy.js';
import { runCli } from '../support/cli.js';
import { writeTinyGguf } from '../support/tiny-gguf.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PERSONA = path.join(ROOT, 'personas/trail-runner-maya.json');

/** Runs `shopsim simulate ... --json` in-process and returns the parsed summary. */
async function simulate(args: string[]): Promise<{ code: number; summary: RunSummary }> {
  const out = await mkdtemp(path.join(tmpdir(), 'shopsim-sim-'));
  const { code, stdout } = await runCli([
    'simulate',
    '--out',
    path.join(out, 'run'),
    '--json',
    ...args,
  ]);
  return { code, summary: JSON.parse(stdout) as RunSummary };
}

/** `simulate` with the fake server as the OpenAI-compatible model. */
const simulateWithFakeOpenAI = (fake: FakeOpenAIServer) =>
  simulate(['--model', 'openai:fake-shopper', '--base-url', fake.baseUrl, '--persona', PERSONA]);

/** A stand-in LLM behind the fake server: search, open the first result, leave. */
const shopperPolicy = searchThenStop({
  query: () => 'trail running shoes',
  rationale: (step) => `Step ${step} of my errand.`,
  promptTokens: 100,
  completionTokens: 20,
});

let server: FakeOpenAIServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('shopsim simulate', () => {
  it('drives the browser with an OpenAI-compatible server using structured output', async () => {
    server = await startFakeOpenAIServer({ supportsJsonSchema: true, fallback: shopperPolicy });
    const { code, summary } = await simulateWithFakeOpenAI(server);
    expect(code).toBe(0);
    expect(summary.records[0]!.outcome).toBe('terminate');
    expect(summary.records[0]!.steps).toBe(3);
    expect(server.completions[0]!.response_format?.type).toBe('json_schema');
    const [trace] = await readTraces(summary.runDir);
    expect(trace!.steps.map((s) => s.action.type)).toEqual([
      'type_and_submit',
      'click',
      'terminate',
    ]);
    expect(trace!.steps[1]!.url).toMatch(/\/search\?/);
    expect(trace!.steps[0]!.usage?.prompt_tokens).toBe(100);
    const runJson = await readFile(path.join(summary.runDir, 'run.json'), 'utf8');
    expect(runJson).not.toMatch(/OPENAI_API_KEY|sk-/);
  });

  it('falls back to plain prompting, retries a 429, and feeds garbage back', async () => {
    server = await startFakeOpenAIServer({ supportsJsonSchema: false, fallback: shopperPolicy });
    server.enqueue({ status: 429, error: 'slow down', headers: { 'retry-after-ms': '5' } });
    server.enqueue({ content: 'Sure! Let me think about shoes... no JSON here.' });
    const { code, summary } = await simulateWithFakeOpenAI(server);
    expect(code).toBe(0);
    const record = summary.records[0]!;
    expect(record.error).toBeNull();
    expect(record.outcome).toBe('terminate');
    const trace = await readTraceFile(record.file);
    expect(trace.steps[0]!.usage?.attempts).toBe(2);
    const statuses = server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    expect(statuses).toBeGreaterThanOrEqual(5);
    expect(server.completions.every((c) => c.response_format === undefined)).toBe(true);
  });

  it('runs an in-process GGUF model whose grammar forces valid actions', async () => {
    const gguf = await writeTinyGguf();
    const { code, summary } = await simulate([
      '--model',
      `llama:${gguf}`,
      '--threads',
      '1',
      // the tiny model's byte tokenizer makes the home page ~10k tokens (a results page of the
      // shop would not fit): one step
      '--context-size',
      '16384',
      '--max-steps',
      '1',
      '--persona',
      PERSONA,
    ]);
    expect(code).toBe(0);
    const record = summary.records[0]!;
    expect(record.error).toBeNull();
    expect(record.steps).toBeGreaterThanOrEqual(1);
    const trace = await readTraceFile(record.file);
    for (const step of trace.steps) {
      if (step.action.type === 'terminate') continue;
      expect(step.observation.elements.map((e) => e.name)).toContain(step.action.name);
    }
  });

  it('buys with the heuristic shopper, confirmed by the order log', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-personas-'));
    // two quick buyers (4 and 6 steps with the default seed), run side by side
    for (const id of ['coffee-maker-aisha', 'commuter-earbuds-priya']) {
      await writeFile(
        path.join(dir, `${id}.json`),
        await readFile(path.join(ROOT, 'personas', `${id}.json`)),
      );
    }
    const { code, summary } = await simulate(['--persona', dir, '--concurrency', '2']);
    expect(code).toBe(0);
    expect(summary.sessions).toBe(2);
    expect(summary.purchases).toBe(2);
    expect(summary.confirmedOrders).toBe(summary.purchases);
  });

  it('rejects bad input with a clear message', async () => {
    const stderr: string[] = [];
    const spy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((c) => (stderr.push(String(c)), true));
    try {
      expect(await main(['node', 'shopsim', 'simulate', '--sessions', 'two'])).toBe(2);
      expect(await main(['node', 'shopsim', 'simulate', '--model', 'gpt5'])).toBe(2);
      expect(await main(['node', 'shopsim', 'simulate', '--persona', '/nonexistent.json'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(stderr.join('')).toMatch(/--sessions two/);
    expect(stderr.join('')).toMatch(/unknown model "gpt5"/);
    expect(stderr.join('')).toMatch(/nonexistent\.json/);
  });

  it('keeps every completed step readable when the run is killed with SIGKILL; --resume completes it', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'shopsim-kill-')), 'run');
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'bin/shopsim.js'),
        'simulate',
        '--persona',
        path.join(ROOT, 'personas/coffee-maker-aisha.json'),
        '--out',
        out,
        '--max-steps',
        '40',
      ],
      {
        stdio: 'ignore',
      },
    );
    const file = path.join(out, 'coffee-maker-aisha-1.jsonl');
    const deadline = Date.now() + 60_000;
    let lines = 0;
    while (Date.now() < deadline && lines < 4) {
      await new Promise((r) => setTimeout(r, 100));
      if (existsSync(file))
        lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).length;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(lines).toBeGreaterThanOrEqual(4);
    const trace = await readTraceFile(file);
    expect(trace.end).toBeNull();
    expect(trace.steps.length).toBeGreaterThanOrEqual(3);
    expect(await readdir(out)).toContain('run.json');

    // the killed session has no end line, so --resume starts it again and finishes the run
    const resumed = await runCli(['simulate', '--persona', path.join(ROOT, 'personas/coffee-maker-aisha.json'), '--out', out, '--max-steps', '40', '--resume', '--json']); // prettier-ignore
    expect(resumed.code).toBe(0);
    expect((await readTraceFile(file)).end).not.toBeNull();
    expect((await readdir(out)).some((f) => f.startsWith('_unfinished-'))).toBe(true);
  }, 150_000);
});
