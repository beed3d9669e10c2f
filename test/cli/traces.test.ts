import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** A valid session, line by line, as the writer would produce it. */
function lines(sessionId: string): Record<string, unknown>[] {
  const observation = {
    url: 'http://shop.test/',
    title: 'Home',
    html: '<input name="search_form.query_input">',
    elements: [
      { name: 'search_form.query_input', kind: 'text_input', text: 'Search', tag: 'input' },
    ],
  };
  return [
    {
      kind: 'header',
      schema_version: 1,
      session_id: sessionId,
      source: 'human',
      dataset: 'shopsim-record',
      persona: null,
      site: 'http://shop.test/',
      started_at: '2026-11-21T00:00:00.000Z',
      shopsim_version: '0.1.0',
    },
    {
      kind: 'step',
      index: 0,
      time: '2026-11-21T00:00:01.000Z',
      url: 'http://shop.test/',
      observation,
      action: { type: 'type_and_submit', name: 'search_form.query_input', text: 'running shoes' },
      click_type: 'search',
    },
    {
      kind: 'step',
      index: 1,
      time: '2026-11-21T00:00:02.000Z',
      url: 'http://shop.test/search',
      observation: { ...observation, url: 'http://shop.test/search', title: 'Results' },
      action: { type: 'click', name: 'search_results.item_1.title_link' },
    },
    {
      kind: 'step',
      index: 2,
      time: '2026-11-21T00:00:03.000Z',
      url: 'http://shop.test/p/1',
      observation: { ...observation, url: 'http://shop.test/p/1', title: 'Shoe' },
      action: { type: 'terminate' },
    },
    { kind: 'end', outcome: 'terminate', steps: 3, duration_ms: 3000 },
  ];
}

const jsonl = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

let work: string;
let run: string;
let broken: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'shopsim-traces-'));
  run = path.join(work, 'good', '20261121-000000-record-abcd');
  await mkdir(run, { recursive: true });
  await writeFile(
    path.join(run, 'run.json'),
    JSON.stringify({
      schema_version: 1,
      run_id: '20261121-000000-record-abcd',
      kind: 'record',
      created_at: '2026-11-21T00:00:00.000Z',
      shopsim_version: '0.1.0',
      site: 'http://shop.test/',
      variant: 'a',
    }),
  );
  await writeFile(path.join(run, 'complete.jsonl'), jsonl(lines('complete')));
  // killed run: no end line, and a cut-off last line
  const cut = lines('cut-off').slice(0, 3);
  await writeFile(path.join(run, 'cut-off.jsonl'), jsonl(cut) + '{"kind":"step","ind');

  broken = path.join(work, 'broken');
  await mkdir(broken, { recursive: true });
  const badJson = jsonl(lines('bad-json')).split('\n');
  badJson[2] = '{"kind":"step", "index": 1, oops}';
  await writeFile(path.join(broken, 'bad-json.jsonl'), badJson.join('\n'));
  const wrongType = lines('wrong-type');
  (wrongType[1] as { observation: { title: unknown } }).observation.title = 42;
  await writeFile(path.join(broken, 'wrong-type.jsonl'), jsonl(wrongType));
  await writeFile(path.join(broken, 'no-header.jsonl'), jsonl(lines('no-header').slice(1)));
  const badIndex = lines('bad-index');
  (badIndex[2] as { index: number }).index = 5;
  await writeFile(path.join(broken, 'bad-index.jsonl'), jsonl(badIndex));
  const newer = lines('newer');
  (newer[0] as { schema_version: number }).schema_version = 99;
  await writeFile(path.join(broken, 'newer.jsonl'), jsonl(newer));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args);

describe('traces validate', () => {
  it('accepts valid files, including one without an end line', async () => {
    const result = await cli('traces', 'validate', path.join(work, 'good'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 files valid'); // 2 sessions + run.json
    expect(result.stdout).toMatch(/warning: .*cut-off\.jsonl:4: incomplete last line/);
  });

  it('names file, line and field for each broken file and exits non-zero', async () => {
    const result = await cli('traces', 'validate', broken);
    expect(result.code).toBe(1);
    const at = (name: string): string => path.join(broken, name);
    expect(result.stdout).toContain(`${at('bad-json.jsonl')}:3: not valid JSON`);
    expect(result.stdout).toContain(`${at('wrong-type.jsonl')}:2: observation.title:`);
    expect(result.stdout).toContain(
      `${at('no-header.jsonl')}:1: kind: the first line must be the trace header`,
    );
    expect(result.stdout).toContain(`${at('bad-index.jsonl')}:3: index: expected 1, got 5`);
    expect(result.stdout).toMatch(
      new RegExp(`${at('newer.jsonl')}:1: schema_version: 99 is newer than this shopsim`),
    );
    expect(result.stderr).toMatch(/problems in 5 of 5 files/);
  });

  it('checks the end line step count against the file', async () => {
    const file = path.join(work, 'count.jsonl');
    const values = lines('count');
    (values[4] as { steps: number }).steps = 7;
    await writeFile(file, jsonl(values));
    const result = await cli('traces', 'validate', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${file}:5: steps: the end line says 7 steps, the file has 3`);
  });
});

describe('traces ls and show', () => {
  it('lists runs with source, persona, outcome and length', async () => {
    const result = await cli('traces', 'ls', path.join(work, 'good'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '20261121-000000-record-abcd  (record, http://shop.test/, variant a',
    );
    expect(result.stdout).toMatch(/SESSION\s+SOURCE\s+PERSONA\s+OUTCOME\s+STEPS/);
    expect(result.stdout).toMatch(/complete\s+human\/shopsim-record\s+-\s+terminate\s+3\n/);
    expect(result.stdout).toMatch(/cut-off\s+human\/shopsim-record\s+-\s+\(no end\)\s+2\n/);
  });

  it('shows one session, one line per step', async () => {
    const result = await cli('traces', 'show', path.join(run, 'complete.jsonl'));
    expect(result.code).toBe(0);
    const stepLines = result.stdout.split('\n').filter((l) => /^\s+\d+\s{2}/.test(l));
    expect(stepLines).toEqual([
      '  0  type_and_submit  search_form.query_input  "running shoes"  [search]',
      '  1  click            search_results.item_1.title_link',
      '  2  terminate',
    ]);
    expect(result.stdout).toContain('source    human (shopsim-record)');
    expect(result.stdout).toContain('outcome   terminate (3 steps, 3.0s)');
    const cut = await cli('traces', 'show', path.join(run, 'cut-off.jsonl'));
    expect(cut.stdout).toContain('no end line: the session was cut off after 2 steps');
  });

  it('refuses a file that is not a trace', async () => {
    const result = await cli('traces', 'show', path.join(broken, 'no-header.jsonl'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no-header\.jsonl, line 1, field "kind": has no trace header/);
  });

  it('lists an imported OPeRA run with personas and outcomes', async () => {
    const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'opera');
    const out = path.join(work, 'imported');
    expect((await cli('import', 'opera', fixture, '--out', out)).code).toBe(0);
    const result = await cli('traces', 'ls', out);
    expect(result.stdout).toContain('(import, https://www.amazon.com');
    const rows = result.stdout.split('\n').filter((l) => l.includes('human/opera'));
    expect(rows).toHaveLength(4);
    expect(rows.join('\n')).toMatch(
      /human\/opera\s+opera-324934a2-5d58-49d9-bae8-545fba660731\s+purchase\s+4/,
    );
    expect(rows.join('\n')).toMatch(/human\/opera\s+-\s+terminate\s+1/); // no survey: no persona
  });
});
