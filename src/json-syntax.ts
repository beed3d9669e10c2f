/**
 * Where JSON text first breaks, as a line and column a person can find in an editor. Node 20's
 * JSON.parse gives a character offset at best (often only a snippet), so this small scanner walks
 * the text once and stops at the first character that cannot continue a JSON value.
 */
export interface JsonSyntaxProblem {
  /** 1-based line and column of the offending character (or of the end of the text). */
  line: number;
  column: number;
  problem: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 2000;

/** The first syntax error of `text`, or null when it is one valid JSON value. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const describe = (at: number): string =>
    at >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[at])}`;
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const expect = (chars: string, what: string): void => {
    space();
    if (i >= text.length || !chars.includes(text[i]!)) {
      throw new Stop(i, `expected ${what}, found ${describe(i).replace('unexpected ', '')}`);
    }
  };
  const string = (): void => {
    i += 1; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i += 1;
        return;
      }
      if (c < ' ') throw new Stop(i, 'a control character (e.g. a raw line break) inside a string');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Stop(i, 'a bad \\u escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) throw new Stop(i, 'a bad escape');
        i += 2;
        continue;
      }
      i += 1;
    }
    throw new Stop(i, 'a string is not closed');
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new Stop(i, `nesting deeper than ${MAX_DEPTH} levels`);
    space();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      space();
      if (text[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        if (c === '{') {
          expect('"', 'a property name in double quotes');
          string();
          expect(':', "':'");
          i += 1;
        }
        value(depth + 1);
        expect(`,${close}`, `',' or '${close}'`);
        if (text[i++] === close) return;
        if (c === '[') continue;
        space();
        if (text[i] === '}') throw new Stop(i, "a trailing comma before '}'");
      }
    }
    const literal = LITERALS.find((l) => text.startsWith(l, i));
    if (literal) {
      i += literal.length;
      return;
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    throw new Stop(i, describe(i));
  };
  try {
    value(0);
    space();
    if (i < text.length) throw new Stop(i, `more text after the JSON value (${describe(i)})`);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ...lineAndColumn(text, error.at), problem: error.problem };
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line += 1;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}
