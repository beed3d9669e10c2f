import { describe, expect, it } from 'vitest';
import { parseTimestamp, readActionRow } from '../../src/importers/opera/action-row.js';
import { sessionOutcome } from '../../src/importers/opera/sessions.js';
import { incomeBand, parseAge, surveyToPersona } from '../../src/importers/opera/survey-persona.js';

const place = { key: '0:1', file: 'action.parquet', row: 1, order: 0 };
const SESSION = 'u-1_2025-04-14T21:52:46.756000Z_2025-04-14T21:55:50.785000Z';

describe('OPeRA action rows', () => {
  it('reads timestamps in the forms datasets use', () => {
    expect(parseTimestamp('2025-04-14T21:52:57.792Z')).toBe(Date.UTC(2025, 3, 14, 21, 52, 57, 792));
    expect(parseTimestamp('2025-04-14T21:52:46.756000Z')).toBe(
      Date.UTC(2025, 3, 14, 21, 52, 46, 756),
    );
    expect(parseTimestamp(new Date(5000))).toBe(5000);
    expect(parseTimestamp(1_744_667_577)).toBe(1_744_667_577_000);
    expect(parseTimestamp(1_744_667_577_792n)).toBe(1_744_667_577_792);
    expect(parseTimestamp('yesterday')).toBeNull();
    expect(parseTimestamp(null)).toBeNull();
  });

  it('maps input/click/terminate, skips scroll, and says why a row is malformed', () => {
    const base = { session_id: SESSION, timestamp: '2025-04-14T21:52:57.792Z' };
    const input = readActionRow(
      { ...base, action_type: 'input', semantic_id: 'nav.q', input_text: 'mug' },
      place,
    );
    expect(input.kind === 'record' && input.record.action).toEqual({
      type: 'type_and_submit',
      name: 'nav.q',
      text: 'mug',
    });
    expect(input.kind === 'record' && input.record.userId).toBe('u-1');
    expect(readActionRow({ ...base, action_type: 'scroll' }, place).kind).toBe('scroll');
    const problems = [
      readActionRow({ ...base, action_type: 'input', semantic_id: 'nav.q' }, place),
      readActionRow({ ...base, action_type: 'input', input_text: 'x' }, place),
      readActionRow({ ...base, action_type: 'keypress' }, place),
      readActionRow({ ...base, action_type: null }, place),
    ].map((v) => (v.kind === 'malformed' ? v.problem : v.kind));
    expect(problems).toEqual([
      'input without input_text',
      'input without semantic_id',
      expect.stringMatching(/unknown action_type "keypress"/),
      expect.stringMatching(/unknown action_type null/),
    ]);
  });

  it('decides the outcome from how the session ends', () => {
    const rec = (type: 'click' | 'terminate', clickType: string | null = null) => {
      const verdict = readActionRow(
        {
          session_id: SESSION,
          timestamp: 1,
          action_type: type,
          semantic_id: 'x',
          click_type: clickType,
        },
        place,
      );
      if (verdict.kind !== 'record') throw new Error('fixture row');
      return verdict.record;
    };
    expect(sessionOutcome([rec('click'), rec('click', 'purchase')])).toBe('purchase');
    expect(sessionOutcome([rec('click', 'purchase'), rec('terminate'), rec('terminate')])).toBe(
      'purchase',
    );
    expect(sessionOutcome([rec('click', 'purchase'), rec('click', 'product_link')])).toBe(
      'terminate',
    );
    expect(sessionOutcome([rec('click'), rec('terminate')])).toBe('terminate');
    expect(sessionOutcome([rec('click', 'nav_bar')])).toBe('terminate');
  });
});

describe('survey to persona', () => {
  it('parses ages and incomes in survey wordings', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseAge('25-34', now)).toBe(30);
    expect(parseAge('65+', now)).toBe(65);
    expect(parseAge('1990', now)).toBe(36);
    expect(parseAge('prefer not to say', now)).toBeNull();
    expect(incomeBand('$25,000 - $49,999')).toBe('lower_middle');
    expect(incomeBand('Less than $20k')).toBe('low');
    expect(incomeBand('100k to 149k')).toBe('upper_middle');
    expect(incomeBand('Upper middle')).toBe('upper_middle');
    expect(incomeBand('Prefer not to answer')).toBeNull();
  });

  it('fills defaults for a missing or free-text survey and keeps the raw text', () => {
    const persona = surveyToPersona('ABC-123', 'I like hiking gear.');
    expect(persona.id).toBe('opera-abc-123');
    expect(persona.demographics).toEqual({
      age: 35,
      gender: 'unspecified',
      income_band: 'middle',
      location: 'unknown',
    });
    expect(persona.background).toContain('I like hiking gear.');
    const nested = surveyToPersona('u2', { profile: { user_age: 41, sex: 'F' }, budget: '$200' });
    expect(nested.demographics).toMatchObject({ age: 41, gender: 'female' });
    expect(nested.budget).toBe(200);
  });
});
