import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEvalSet, buildRequest } from '../../src/eval/eval-items.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { ScriptedModel } from '../../src/models/scripted.js';
import { tempDir } from './cli-helpers.js';
import { scriptedEval } from './scripted-answers.js';
import { buildTrace } from './trace-builder.js';

describe('buildEvalSet', () => {
  it('flags human steps no valid model answer can match, and skips empty sessions', () => {
    const set = buildEvalSet([
      buildTrace(
        'a',
        'human',
        [
          // humans click search boxes: evaluation accepts such a prediction (protocol legality)
          {
            action: { type: 'click', name: 'nav_bar.search_input' },
            elements: [{ name: 'nav_bar.search_input', kind: 'text_input' }],
          },
          {
            action: { type: 'click', name: 'gone.button' },
            omitTarget: true,
            elements: [{ name: 'other' }],
          },
          { action: { type: 'terminate' } },
        ],
        'terminate',
      ),
      buildTrace('empty', 'human', [], null),
    ]);
    expect(set.items.map((i) => [i.sessionId, i.step, i.isOutcomeStep])).toEqual([
      ['a', 0, false],
      ['a', 1, false],
      ['a', 2, true],
    ]);
    expect(set.goldAbsent).toBe(1);
    expect(set.goldRejected).toBe(1); // only the step whose target is absent
    expect(set.noElements).toBe(1); // the terminate step's page lists nothing
    expect(set.sessions).toBe(1);
    expect(set.emptySessions).toEqual(['empty.jsonl']);
  });

  it('rejects two sessions with the same id, naming the file', () => {
    const t = buildTrace('dup', 'human', [{ action: { type: 'terminate' } }], 'terminate');
    expect(() => buildEvalSet([t, { ...t, file: 'other.jsonl' }])).toThrow(
      /other\.jsonl, line 1, field "session_id": session "dup" also appears in dup\.jsonl/,
    );
  });

  it('builds the request from the human history only, up to t-1', () => {
    const set = buildEvalSet([
      buildTrace(
        'a',
        'human',
        [
          { action: { type: 'type_and_submit', name: 's', text: 'q' } },
          { action: { type: 'click', name: 'x.y' } },
          { action: { type: 'terminate' } },
        ],
        'terminate',
      ),
    ]);
    const request = buildRequest(set.items[2]!, 2);
    expect(request.history.map((h) => h.action.type)).toEqual(['type_and_submit', 'click']);
    expect(request.observation).toBe(set.items[2]!.observation);
    expect(request).toMatchObject({ feedback: [], historyPages: 2, persona: null });
  });
});

describe('resume keeps predictions of steps not in the human set', () => {
  it('keeps them in predictions.jsonl and does not score them', async () => {
    const out = path.join(await tempDir(), 'out');
    await evaluate(scriptedEval(out));
    const file = path.join(out, 'predictions.jsonl');
    const first = (await readFile(file, 'utf8')).split('\n')[0]!;
    const stale = JSON.stringify({ ...JSON.parse(first), session_id: 'gone-session' });
    await writeFile(file, (await readFile(file, 'utf8')) + stale + '\n');
    const result = await evaluate(scriptedEval(out, new ScriptedModel([])));
    expect(result.predictions).toMatchObject({ resumed: 18, made_now: 0, stale_records: 1 });
    expect(result.metrics.steps).toBe(18);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(19);
  });
});
