import { z } from 'zod';
import { escapeAttr, escapeText } from '../observe/markup.js';
import { writtenForms } from '../observe/name-scopes.js';
import type { Observation, ObservedElement } from '../observe/observation.js';
import type { TraceStep } from './schema.js';
import { passesLuhn } from '../luhn.js';
import { isSensitiveFacts, REDACTED } from './sensitive-words.js';

export { REDACTED } from './sensitive-words.js';

/** A secret value on the page, with the semantic name and form name of its field when known. */
export const SensitiveValue = z.object({
  name: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string(),
});
export type SensitiveValue = z.infer<typeof SensitiveValue>;

/** Values shorter than this are only removed from their own field, not searched for elsewhere. */
const MIN_GLOBAL = 4;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spellings a secret can take in HTML, URLs and JSON. */
export function secretForms(value: string): string[] {
  const forms = new Set<string>([value, escapeAttr(value), escapeText(value)]);
  forms.add(encodeURIComponent(value));
  forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 8 && digits !== value) forms.add(digits); // 4242 4242 ... -> 42424242...
  return [...forms].filter((f) => f.length >= MIN_GLOBAL).sort((a, b) => b.length - a.length);
}

/** 13 to 19 digits, optionally grouped by spaces or dashes: the shape of a payment card number. */
const CARD_SHAPE = /(?<![\d.])\d(?:[ -]?\d){12,18}(?![\d.])/g;

/** Whether an observed element holds a secret (its type, name and label; see sensitive-words). */
export function isSensitiveElement(
  element: Pick<ObservedElement, 'name' | 'inputType' | 'text' | 'tag'>,
): boolean {
  return isSensitiveFacts({
    tag: element.tag,
    type: element.inputType ?? 'text',
    autocomplete: '',
    words: [element.name, element.text],
  });
}

/**
 * Sensitive values visible in an observation alone (no live page at hand): the values of the
 * fields `isSensitiveElement` marks.
 */
export function observedSecrets(observation: Observation): SensitiveValue[] {
  return observation.elements
    .filter((e) => !!e.value && isSensitiveElement(e))
    .map((e) => ({ name: e.name, field: null, value: e.value! }));
}

/**
 * The one redactor: removes secrets (passwords, card numbers, security codes, keys) from every
 * field of a trace step that can carry typed or page text: the observation (values of sensitive
 * fields, and every remembered secret in the HTML, title, texts and links), the URLs, the typed
 * text of the action, the rationale and the raw model answer. Card numbers are recognised by their
 * shape and Luhn checksum wherever they appear. Every secret seen in a session is remembered, so a
 * later page that echoes it is scrubbed too. Secrets live in memory only.
 */
export class Redactor {
  private readonly seen = new Set<string>();
  /** Short secrets (a 3-digit CVC): removed only where they stand as a whole JSON string. */
  private readonly short = new Set<string>();

  /** Adds values to the session's secrets. */
  remember(values: readonly SensitiveValue[]): void {
    for (const { value } of values) {
      if (value.length >= MIN_GLOBAL) this.seen.add(value);
      else if (value.length > 0) this.short.add(value);
    }
  }

  /** Replaces every remembered secret and every card number in a text. */
  text(text: string): string {
    let out = text;
    for (const secret of this.seen) {
      for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
    }
    return out.replace(CARD_SHAPE, (match) =>
      passesLuhn(match) ? REDACTED : match,
    );
  }

  /** A URL without secrets: query parameters of sensitive fields and any remembered value. */
  url(url: string, current: readonly SensitiveValue[] = []): string {
    let out = url;
    const fields = new Set(current.map((s) => s.field).filter((f): f is string => !!f));
    if (fields.size > 0) {
      try {
        const parsed = new URL(url);
        let changed = false;
        for (const key of [...parsed.searchParams.keys()]) {
          if (fields.has(key)) {
            parsed.searchParams.set(key, REDACTED);
            changed = true;
          }
        }
        if (changed) out = parsed.href;
      } catch {
        // not an absolute URL; the text pass below still applies
      }
    }
    return this.text(out);
  }

  /** The observation with the values of the sensitive fields and every secret removed. */
  observation(
    observation: Observation,
    current: readonly SensitiveValue[] = observedSecrets(observation),
  ): Observation {
    this.remember(current);
    const names = new Set(current.map((s) => s.name).filter((n): n is string => !!n));
    for (const e of observation.elements) if (e.value && isSensitiveElement(e)) names.add(e.name);
    let html = observation.html;
    for (const name of names) {
      // the HTML may write the name in full or relative to a scope (`.card_number_input`): any
      // form matches, so a same-named field of another scope is redacted too (never too little)
      const quoted = writtenForms(name)
        .map((form) => escapeRegExp(escapeAttr(form)))
        .join('|');
      html = html.replace(
        new RegExp(`(<(?:input|select)\\b[^>]*\\bname="(?:${quoted})"[^>]*?\\svalue=")[^"]*(")`, 'g'),
        `$1${REDACTED}$2`,
      );
      html = html.replace(
        new RegExp(`(<textarea\\b[^>]*\\bname="(?:${quoted})"[^>]*>)[\\s\\S]*?(</textarea>)`, 'g'),
        `$1${REDACTED}$2`,
      );
    }
    return {
      url: this.url(observation.url, current),
      title: this.text(observation.title),
      html: this.text(html),
      elements: observation.elements.map((e) => ({
        ...e,
        text: this.text(e.text),
        href: e.href === null ? null : this.url(e.href, current),
        value: e.value === null ? null : names.has(e.name) && e.value ? REDACTED : this.text(e.value),
      })),
    };
  }

  /**
   * A step as it may be written: `current` lists the page's sensitive values when the caller
   * read them from the live page (the recorder), else they are read off the observation. Text
   * typed into a sensitive field is replaced by the marker and remembered.
   */
  step(step: TraceStep, current: readonly SensitiveValue[] = observedSecrets(step.observation)): TraceStep {
    this.remember(current);
    let action = step.action;
    if (action.type === 'type_and_submit' && action.text !== REDACTED) {
      const { name, text } = action;
      const target = step.observation.elements.find((e) => e.name === name);
      if (target && isSensitiveElement(target)) {
        this.remember([{ name, field: null, value: text }]);
        action = { ...action, text: REDACTED };
      } else action = { ...action, text: this.text(text) };
    }
    return {
      ...step,
      url: this.url(step.url, current),
      observation: this.observation(step.observation, current),
      action,
      rationale: step.rationale === null ? null : this.text(step.rationale),
      raw: step.raw === null ? null : this.rawAnswer(step.raw),
      result: step.result && {
        ...step.result,
        error: step.result.error === null ? null : this.text(step.result.error),
        url_after: step.result.url_after === null ? null : this.url(step.result.url_after, current),
      },
    };
  }

  /** A model's raw answer: remembered secrets, card numbers, and short secrets as JSON strings. */
  private rawAnswer(raw: string): string {
    let out = this.text(raw);
    for (const secret of this.short) out = out.split(JSON.stringify(secret)).join(`"${REDACTED}"`);
    return out;
  }
}
