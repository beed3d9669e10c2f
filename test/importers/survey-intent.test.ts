import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScaleAnswer, surveyIntent } from '../../src/importers/opera/survey-intent.js';
import { surveyToPersona } from '../../src/importers/opera/survey-persona.js';
import { decideHeuristic } from '../../src/models/heuristic.js';
import { HOME } from '../models/heuristic/pages.js';

const LIKERT = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/importers/survey-likert.json'),
  'utf8',
);
const DEFAULT_INTENT = 'Shop online the way this participant did in the recorded OPeRA sessions.';

/** The survey fixture without its one real intent question. */
function likertOnly(): string {
  const entries = JSON.parse(LIKERT) as { question: string; answer: string }[];
  return JSON.stringify(entries.filter((e) => !e.question.startsWith('What are you shopping')));
}

describe('survey intent', () => {
  it('takes the intent only from the question that asks for it, past Likert answers', () => {
    const persona = surveyToPersona('u1', LIKERT);
    expect(persona.intent).toBe('A rice cooker for a family of four, under $120');
    // the rated statements stay in the background
    expect(persona.background).toContain('Strongly agree');
  });

  it('never makes a Likert or scale answer the intent, even with intent words in the question', () => {
    const persona = surveyToPersona('u1', likertOnly());
    expect(persona.intent).toBe(DEFAULT_INTENT);
    const answer = decideHeuristic(
      { persona, history: [], observation: HOME, feedback: [], historyPages: 1 },
      7,
    );
    expect(JSON.stringify(answer.action)).not.toMatch(/agree|likely|yes/i);
  });

  it('tells scale answers from answers that name a want', () => {
    for (const scale of [
      'Strongly agree',
      'Neither agree nor disagree',
      'Somewhat disagree',
      'Very likely',
      '4',
      '4 out of 5',
      'Yes',
      'N/A',
      'Once a week',
      'Prefer not to say',
      '',
    ])
      expect(isScaleAnswer(scale), scale).toBe(true);
    for (const want of ['A rice cooker', 'new running shoes', 'Not sure, maybe a jacket'])
      expect(isScaleAnswer(want), want).toBe(false);
  });

  it('skips questions that rate a statement, whatever the answer', () => {
    expect(
      surveyIntent([
        ['On a scale of 1-5, how important is finding a gift today?', 'a gift for my dad'],
        ['What do you plan to buy?', 'a winter coat'],
      ]),
    ).toBe('a winter coat');
    expect(surveyIntent([['Looking for anything in particular?', 'Agree']])).toBeNull();
  });
});
