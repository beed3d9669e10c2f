import type { Persona } from '../../persona.js';

/** Who a gendered product is cut for. */
export type Audience = 'women' | 'men';

/** Whom the shopper buys for: said in the intent (explicit), or guessed from the persona. */
export interface AudienceWish {
  audience: Audience;
  explicit: boolean;
}

const WOMEN = /\b(women['’]?s|womens|ladies|for her)\b/i;
const MEN = /\b(men['’]?s|mens|for him)\b/i;

/** The audience a product title names, if any ("Women's Rain Jacket"). */
export function audienceOf(title: string): Audience | null {
  if (WOMEN.test(title)) return 'women';
  if (MEN.test(title)) return 'men';
  return null;
}

export function readAudience(persona: Persona | null): AudienceWish | null {
  if (!persona) return null;
  const said = audienceOf(`${persona.intent} ${persona.background}`);
  if (said) return { audience: said, explicit: true };
  const gender = persona.demographics.gender.toLowerCase();
  if (/^(female|woman|f)$/.test(gender)) return { audience: 'women', explicit: false };
  if (/^(male|man|m)$/.test(gender)) return { audience: 'men', explicit: false };
  return null;
}

/** "hard": the title is for the other audience than the intent says; "soft": than the persona. */
export function audienceMismatch(title: string, wish: AudienceWish | null): 'hard' | 'soft' | null {
  const of = audienceOf(title);
  if (!wish || !of || of === wish.audience) return null;
  return wish.explicit ? 'hard' : 'soft';
}
