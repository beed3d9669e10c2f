import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The traces of a run folder as text, for byte-for-byte comparisons: every `*.jsonl` in `dir`
 * except the `_`-prefixed ones set aside (file name → text); with `arms`, those of each arm's
 * folder instead ("<arm>/<file>" → text). A folder not written yet reads as empty.
 */
export async function traceTexts(
  dir: string,
  arms?: readonly string[],
): Promise<Map<string, string>> {
  const folders: [string, string][] = arms
    ? arms.map((arm) => [`${arm}/`, path.join(dir, arm)])
    : [['', dir]];
  const texts = new Map<string, string>();
  for (const [prefix, folder] of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.jsonl') && !n.startsWith('_'))) {
      texts.set(`${prefix}${name}`, await readFile(path.join(folder, name), 'utf8'));
    }
  }
  return texts;
}

/** True when a trace's text has its end line and that session was not interrupted. */
export const finished = (text: string | undefined): boolean =>
  !!text && text.includes('"kind":"end"') && !text.includes('"outcome":"interrupted"');
