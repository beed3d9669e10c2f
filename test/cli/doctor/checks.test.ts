import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelChecks, outputCheck } from '../../../src/cli/doctor/checks.js';
import { formatCheck } from '../../../src/cli/doctor/run.js';
import { DEFAULT_CONFIG } from '../../../src/config.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../support/openai-server.js';
import { runCli } from '../../support/cli.js';

let fake: FakeOpenAIServer | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

describe('shopsim doctor checks', () => {
  it('checks the model endpoint only when an openai model or base URL is configured', async () => {
    expect(await modelChecks(DEFAULT_CONFIG, {})).toEqual([]);
    const hosted = await modelChecks({ ...DEFAULT_CONFIG, model: 'openai:gpt-4o-mini' }, {});
    expect(hosted).toHaveLength(1);
    expect(hosted[0]).toMatchObject({ name: 'OPENAI_API_KEY', ok: false });
    expect(formatCheck(hosted[0]!)).toMatch(
      /^problem {2}OPENAI_API_KEY: .*\n {9}-> export OPENAI_API_KEY/,
    );

    fake = await startFakeOpenAIServer({ replies: [] });
    const local = await modelChecks({ ...DEFAULT_CONFIG, baseUrl: fake.baseUrl }, {});
    expect(local.map((c) => [c.name, c.ok])).toEqual([
      ['OPENAI_API_KEY', true],
      ['model endpoint', true],
    ]);
    const closed = await modelChecks({ ...DEFAULT_CONFIG, baseUrl: 'http://127.0.0.1:9/v1' }, {});
    expect(closed[1]).toMatchObject({ name: 'model endpoint', ok: false });
    expect(closed[1]!.fix).toContain('--base-url');
  });

  it('finds the output folder, or the parent it will be created in, writable', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shopsim-doctor-'));
    expect(await outputCheck(dir)).toMatchObject({ ok: true, detail: `${dir} writable` });
    const later = await outputCheck(path.join(dir, 'a/b'));
    expect(later.ok).toBe(true);
    expect(later.detail).toContain(`will be created in ${dir}`);
  });

  it('exits 1 and says what to do when the browser is missing', async () => {
    const result = await runCli(['doctor', '--browser-path', '/no/such/chrome']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^problem {2}browser found: --browser-path \/no\/such\/chrome does not exist/m,
    );
    expect(result.stdout).toMatch(/^ok {7}output folder: /m);
  });
});
