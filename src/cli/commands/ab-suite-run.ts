import { parseVariantBy } from '../../ab/arms.js';
import { SUITES, type SuiteName } from '../../ab/suite/known-effects.js';
import { runSuite, suiteOptions } from '../../ab/suite/run-suite.js';
import { verdictTable } from '../../ab/suite/suite-markdown.js';
import { folderUsage, usageSentence } from '../../cost/folder-usage.js';
import { UsageError } from '../../errors.js';
import { loadPersonas } from '../../persona.js';
import { audienceWeights } from '../../personas/audience.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { openSite } from '../site.js';
import type { AbFlags } from './ab-run.js';

function suiteName(text: string): SuiteName {
  if (text in SUITES) return text as SuiteName;
  throw new UsageError(`--suite ${text}: unknown suite; use ${Object.keys(SUITES).join(', ')}.`);
}

/** Flags that choose the arms or the analysis themselves, so they make no sense with a suite. */
const CLASHES: [keyof AbFlags, string][] = [
  ['arm', '--arm'],
  ['fromHuman', '--from-human'],
  ['plan', '--plan'],
  ['shard', '--shard'],
  ['resume', '--resume'],
];

/**
 * `shopsim ab --suite known-effects`: every known-effect variant of the bundled shop against
 * variant a, and an A/A pair; prints whether each expectation held.
 */
export async function suiteCommand(
  flags: AbFlags,
  count: (flag: string, text: string, max?: number) => number,
  signal: AbortSignal,
): Promise<void> {
  const suite = suiteName(String(flags.suite));
  for (const [key, flag] of CLASHES) {
    const value = flags[key];
    if (Array.isArray(value) ? value.length : value)
      throw new UsageError(`--suite runs its own arms; leave out ${flag}.`);
  }
  if (flags.site !== 'builtin')
    throw new UsageError(
      `--suite ${suite} needs the bundled shop (--site builtin): its variants exist only there.`,
    );
  if (flags.untilDecided && !flags.maxPairs)
    throw new UsageError('--until-decided needs --max-pairs N, the most pairs per entry.');
  const config = resolveCommandConfig(flags).values;
  const personas = await loadPersonas(flags.persona.length ? flags.persona : ['personas']);
  audienceWeights(personas);
  const maxPairs = flags.maxPairs ? count('--max-pairs', flags.maxPairs) : null;
  const sessions =
    maxPairs && flags.untilDecided
      ? Math.ceil(maxPairs / personas.length)
      : count('--sessions', flags.sessions, 10_000);
  const site = await openSite('builtin', null, config.seed);
  try {
    const result = await runSuite(
      suiteOptions(site, {
        suite,
        effects: SUITES[suite],
        config,
        by: parseVariantBy(flags.variantBy),
        signal,
        screenshots: !!flags.screenshots,
        personas,
        sessions,
        maxPairs,
        untilDecided: !!flags.untilDecided,
      }),
    );
    if (flags.json) return void process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`${verdictTable(result.verdicts)}\n\n`);
    process.stdout.write(`Expectation held in ${result.found} of ${result.ran} entries.\n`);
    process.stdout.write(usageSentence(await folderUsage(result.runDir, config.prices)) + '\n');
    process.stdout.write(`Report: ${result.files.markdown}\nRun folder: ${result.runDir}\n`);
  } finally {
    await site.close();
  }
}
