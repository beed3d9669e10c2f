import { UsageError } from '../../errors.js';
import { fitCohorts } from '../../personas/fit/fit.js';
import { writeCohorts } from '../../personas/fit/write.js';

export interface FitFlags {
  human: string[];
  out: string;
  k?: string;
  seed: string;
  json?: boolean;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} ${text}: give a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** Runs `shopsim personas fit` (loaded only when the command runs). */
export async function fitCommand(flags: FitFlags): Promise<void> {
  const k = flags.k === undefined ? null : wholeNumber('--k', flags.k, 1, 100);
  const seed = wholeNumber('--seed', flags.seed, 0, 2 ** 32 - 1);
  const result = await fitCohorts({ human: flags.human, k, seed, out: flags.out });
  const files = await writeCohorts(flags.out, result);
  const { summary } = result;
  if (flags.json) {
    process.stdout.write(JSON.stringify({ ...summary, files }, null, 2) + '\n');
    return;
  }
  const lines = [
    `${summary.k} cohort(s) from ${summary.sessions} human sessions (${summary.rule}).`,
    ...result.personas.map(
      (p) =>
        `  ${p.id}  ${(p.weight! * 100).toFixed(1).padStart(5)}%  ${p.fitted!.sessions} sessions  ` +
        `${p.goal}  ${p.display_name}`,
    ),
    ...summary.skipped.map((s) => `Skipped ${s.file}: ${s.reason}`),
    `Personas: ${flags.out} (use with --persona ${flags.out}; cohorts.json is the summary)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
