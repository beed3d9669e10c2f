import { statSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult } from '../../eval/eval-result.js';
import { formatLineIssue } from '../../eval/predictions-file.js';
import { PREDICTIONS_FILE } from '../../eval/predictions-store.js';

/** Most bad predictions-file lines printed on stderr; eval.md and eval.json list them all. */
const MAX_PRINTED = 10;

/**
 * What to tell the user about an evaluation that stopped: where its predictions are, only when
 * some were written; otherwise that nothing was kept.
 */
export function resumeNote(outDir: string): string {
  const file = path.join(outDir, PREDICTIONS_FILE);
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // never written
  }
  return size > 0
    ? `the predictions made so far are kept in ${file}. Rerun the same command with --out ${outDir} to resume.`
    : 'no prediction was written, so there is nothing to resume; fix the problem and rerun.';
}

/** Prints every problem of a --predictions file (file, line, field) on stderr, up to a few. */
export function warnFileIssues(result: EvalResult): void {
  const issues = result.predictions.file_issues;
  const file = result.settings.predictions_file;
  if (!issues || !file) return;
  const all = [...issues.malformed, ...issues.duplicates, ...issues.unmatched].sort(
    (a, b) => a.line - b.line,
  );
  if (all.length === 0) return;
  const lines = all.slice(0, MAX_PRINTED).map((i) => `  ${file}: ${formatLineIssue(i)}`);
  if (all.length > lines.length) lines.push(`  … and ${all.length - lines.length} more`);
  process.stderr.write(
    `shopsim: ${all.length} of ${issues.lines} lines of the predictions file were not used:\n` +
      `${lines.join('\n')}\n`,
  );
}
