import { describe, expect, it } from 'vitest';
import { cleanRationale } from '../../src/synthesize/clean.js';

describe('cleanRationale', () => {
  it('keeps a clean sentence as is', () => {
    expect(cleanRationale('I want to compare prices first.')).toBe(
      'I want to compare prices first.',
    );
  });

  it('strips labels, quotes and preambles', () => {
    expect(cleanRationale('Rationale: "I need a size 9."')).toBe('I need a size 9.');
    expect(cleanRationale('**Rationale:** I need a size 9.')).toBe('I need a size 9.');
    expect(cleanRationale("Sure, here is the rationale:\n\n“I'm checking the reviews.”")).toBe(
      "I'm checking the reviews.",
    );
    expect(cleanRationale("Here is the shopper's rationale: I like blue")).toBe('I like blue.');
    expect(cleanRationale('"I buy it".')).toBe('I buy it.');
  });

  it('keeps only the first sentence, but not at prices or abbreviations', () => {
    expect(cleanRationale('I pick blue. It matches my bag. Also cheaper.')).toBe('I pick blue.');
    expect(cleanRationale('At $89.99 it fits my budget, so I add it. Then I check out.')).toBe(
      'At $89.99 it fits my budget, so I add it.',
    );
    expect(cleanRationale('I trust Dr. Martens boots, so I open them. Nice.')).toBe(
      'I trust Dr. Martens boots, so I open them.',
    );
  });

  it('unwraps JSON, code fences and think blocks', () => {
    expect(cleanRationale('{"rationale": "I search for boots."}')).toBe('I search for boots.');
    expect(cleanRationale('```json\n{"rationale": "I search for boots."}\n```')).toBe(
      'I search for boots.',
    );
    expect(cleanRationale('<think>the user wants...</think>\nI search for boots.')).toBe(
      'I search for boots.',
    );
  });

  it('returns null when nothing usable is left', () => {
    expect(cleanRationale('')).toBeNull();
    expect(cleanRationale('   "" ')).toBeNull();
    expect(cleanRationale('Rationale:')).toBeNull();
    expect(cleanRationale('{"rationale": "12345"}')).toBeNull();
  });

  it('capitalizes and ends with a period', () => {
    expect(cleanRationale('i like this one')).toBe('I like this one.');
  });
});
