import type { Observation } from '../observe/observation.js';
import type { SensitiveValue } from './events.js';
import { isSensitiveFacts, REDACTED } from './sensitive.js';

/** Values shorter than this are only removed from their own field, not searched for elsewhere. */
const MIN_GLOBAL = 4;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The spellings a secret can take in HTML, URLs and JSON. */
export function secretForms(value: string): string[] {
  const forms = new Set<string>([value, escapeAttr(value), escapeText(value)]);
  forms.add(encodeURIComponent(value));
  forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 8 && digits !== value) forms.add(digits); // 4242 4242 ... -> 42424242...
  return [...forms].filter((f) => f.length >= MIN_GLOBAL).sort((a, b) => b.length - a.length);
}

/**
 * Removes secrets (passwords, card numbers, security codes) from everything a recorded step
 * keeps: the simplified HTML, the element list, the title and the URLs. Every secret seen during
 * the session is remembered, so a later page that echoes it is scrubbed too. Secrets live in
 * memory only.
 */
export class SecretScrubber {
  private readonly seen = new Set<string>();

  /** Adds the page's current sensitive values to the session's secrets. */
  remember(values: readonly SensitiveValue[]): void {
    for (const { value } of values) if (value.length >= MIN_GLOBAL) this.seen.add(value);
  }

  /** Replaces every remembered secret in a text. */
  text(text: string): string {
    let out = text;
    for (const secret of this.seen) {
      for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
    }
    return out;
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
  observation(observation: Observation, current: readonly SensitiveValue[]): Observation {
    this.remember(current);
    const names = new Set(current.map((s) => s.name).filter((n): n is string => !!n));
    let html = observation.html;
    for (const name of names) {
      const quoted = escapeRegExp(escapeAttr(name));
      html = html.replace(
        new RegExp(`(<input\\b[^>]*\\bname="${quoted}"[^>]*?\\svalue=")[^"]*(")`, 'g'),
        `$1${REDACTED}$2`,
      );
      html = html.replace(
        new RegExp(`(<textarea\\b[^>]*\\bname="${quoted}"[^>]*>)[\\s\\S]*?(</textarea>)`, 'g'),
        `$1${REDACTED}$2`,
      );
    }
    return {
      url: this.url(observation.url, current),
      title: this.text(observation.title),
      html: this.text(html),
      elements: observation.elements.map((e) => {
        const sensitive = names.has(e.name);
        return {
          ...e,
          text: this.text(e.text),
          href: e.href === null ? null : this.url(e.href, current),
          value: e.value === null ? null : sensitive && e.value ? REDACTED : this.text(e.value),
        };
      }),
    };
  }
}

/**
 * Sensitive values visible in an observation alone (no live page at hand, e.g. replays): the
 * values of password fields and of fields whose name or label matches the sensitive words.
 */
export function observedSecrets(observation: Observation): SensitiveValue[] {
  return observation.elements
    .filter(
      (e) =>
        !!e.value &&
        isSensitiveFacts({
          tag: e.tag,
          type: e.inputType ?? 'text',
          autocomplete: '',
          words: [e.name, e.text],
        }),
    )
    .map((e) => ({ name: e.name, field: null, value: e.value! }));
}
