/**
 * Turns a model's answer into one clean first-person sentence: drops code fences, a JSON wrapper,
 * preambles ("Rationale:", "Sure, here is the rationale:"), surrounding quotes and everything after
 * the first sentence. Returns null when nothing usable is left.
 */
export function cleanRationale(raw: string): string | null {
  let text = raw.trim();
  text = text.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  text = text.replace(/^```[a-z]*\s*|\s*```$/gi, '').trim();
  text = fromJson(text) ?? text;
  // keep the first non-empty line that is not only a preamble
  const lines = text
    .split('\n')
    .map((l) => stripPreamble(l.trim()))
    .filter((l) => l.length > 0);
  text = lines[0] ?? '';
  text = stripQuotes(stripPreamble(text));
  text = firstSentence(text.replace(/\s+/g, ' ').trim());
  text = stripQuotes(text);
  if (!/[a-z]/i.test(text)) return null;
  if (!/[.!?]$/.test(text)) text += '.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fromJson(text: string): string | null {
  if (!text.startsWith('{')) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['rationale', 'reason', 'explanation', 'text']) {
      if (typeof value[key] === 'string') return value[key];
    }
  } catch {
    // not JSON after all: treat as text
  }
  return null;
}

const PREAMBLE =
  /^(?:(?:sure|okay|ok|certainly|here(?:'s| is)[^:]*)[,!.:]?\s*)?(?:\*\*)?(?:the\s+)?(?:shopper'?s?\s+)?(?:one-sentence\s+)?(?:first-person\s+)?(?:rationale|reason(?:ing)?|explanation|answer|thought|think-aloud)\s*(?:\*\*)?\s*[:\-–—]\s*(?:\*\*)?\s*/i;

function stripPreamble(line: string): string {
  let out = line.replace(/^[-*>•]\s+/, '');
  out = out.replace(PREAMBLE, '');
  // a line that only announces the answer ("Sure, here is the rationale:") carries nothing
  if (/^(?:sure|okay|ok|certainly|here)\b.*:$/i.test(out)) return '';
  return out.trim();
}

const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['«', '»'],
  ['*', '*'],
  ['_', '_'],
];

function stripQuotes(text: string): string {
  let out = text.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const [open, close] of QUOTE_PAIRS) {
      if (out.length >= 2 && out.startsWith(open) && out.endsWith(close)) {
        out = out.slice(open.length, out.length - close.length).trim();
        changed = true;
      }
    }
    // a quote closed before the final period: "I buy it." or "I buy it".
    const m = /^["“'](.*)["”'](\.?)$/.exec(out);
    if (m && !/["“”]/.test(m[1]!)) {
      out = m[1]! + m[2]!;
      changed = true;
    }
  }
  return out;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'no',
  'approx',
]);

/** The first sentence: up to the first . ! or ? followed by a space and a capital or quote. */
function firstSentence(text: string): string {
  const boundary = /[.!?]["”’)]?(?=\s+["“(]?[A-Z])/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const word = /([\w.]+)$/.exec(text.slice(0, m.index))?.[1]?.toLowerCase() ?? '';
    if (m[0].startsWith('.') && ABBREVIATIONS.has(word)) continue;
    return text.slice(0, m.index + m[0].length).trim();
  }
  return text.trim();
}
