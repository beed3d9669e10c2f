import { percent } from '../../report/format.js';
import { document, heading, table } from '../../report/markdown.js';
import type { SuiteVerdict } from './verdict.js';

const EXPECT = { lower: 'lower', higher: 'higher', none: 'no difference' } as const;

/** The suite's verdict table, one row per entry. */
export function verdictTable(verdicts: readonly SuiteVerdict[]): string {
  return table(
    ['change', 'arm', 'pairs', 'a', 'arm rate', 'diff', 'p', 'expected', 'found', 'note'],
    verdicts.map((v) => [
      v.change,
      v.arm,
      v.pairs,
      percent(v.controlRate, 1),
      percent(v.treatmentRate, 1),
      percent(v.difference, 1),
      v.pValue === null ? 'n/a' : v.pValue.toFixed(3),
      `${v.metric} ${EXPECT[v.expect]}`,
      v.found ? 'yes' : 'no',
      v.note,
    ]),
  );
}

/** suite.md: what the suite is for, the verdicts, and where each run is. */
export function suiteMarkdown(summary: {
  suite: string;
  model: string;
  seed: number;
  verdicts: SuiteVerdict[];
  found: number;
  ran: number;
}): string {
  return document([
    heading(1, `Known-effect suite: ${summary.suite}`),
    `Model ${summary.model}, run seed ${summary.seed}. Each change of the bundled shop ran as its ` +
      `own paired A/B preview against variant a; the A/A entry runs variant a against itself. ` +
      `A model a team trusts for previews should find each change in the expected direction and ` +
      `no difference in A/A.`,
    `Expectation held in ${summary.found} of ${summary.ran} entries.`,
    verdictTable(summary.verdicts),
    "Each entry's own report (ab.md, index.html) is in the folder named after its arm.",
  ]);
}
