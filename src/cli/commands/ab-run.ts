import { urlArms, parseVariantBy, parseVariants, variantArms, type Arm } from '../../ab/arms.js';
import { BINARY_METRICS, NUMERIC_METRICS, metricName } from '../../ab/metrics.js';
import { planAnswer } from '../../ab/plan.js';
import { previewContinuations, previewPairs } from '../../ab/preview.js';
import { tallyTable } from '../../ab/continuation-report.js';
import { checkResumeOut } from '../../agent/run-folder.js';
import { formatShard, parseShard } from '../../agent/shard.js';
import { publicConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { suiteCommand } from './ab-suite-run.js';
import { loadRecipe } from '../../observe/recipe.js';
import { loadPersonas } from '../../persona.js';
import { audienceWeights } from '../../personas/audience.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { withInterrupt } from '../interrupt.js';
import { openSite, type OpenedSite } from '../site.js';
import { verboseObserver, verbosity } from '../verbose.js';
import { printPairsResult } from './ab-output.js';
import { armSettings, checkShardable } from './ab-run-settings.js';

export interface AbFlags {
  site: string;
  variants: string;
  variantBy: string;
  arm: string[];
  persona: string[];
  sessions: string;
  recipe?: string;
  primary: string;
  plan?: boolean;
  pairs?: string;
  delta?: string;
  discordance: string;
  untilDecided?: boolean;
  maxPairs?: string;
  fromHuman?: string;
  prefix: string;
  screenshots?: boolean;
  suite?: string;
  shard?: string;
  resume?: boolean;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  [configFlag: string]: unknown;
}

function wholeNumber(flag: string, text: string, max = 100_000): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${flag} ${text}: give a whole number from 1 to ${max}.`);
  }
  return n;
}

function unitNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!(n > 0 && n <= 1))
    throw new UsageError(`${flag} ${text}: give a number above 0 and at most 1.`);
  return n;
}

/** Runs `shopsim ab` (loaded only when the command runs). */
export async function abCommand(flags: AbFlags): Promise<void> {
  if (flags.plan) return plan(flags);
  const interrupt = new AbortController();
  await withInterrupt(
    () => {
      interrupt.abort();
      process.stderr.write(
        '\nInterrupted: ending the running sessions after their current step.\n',
      );
    },
    () =>
      flags.suite
        ? suiteCommand(flags, wholeNumber, interrupt.signal)
        : run(flags, interrupt.signal),
  );
  if (interrupt.signal.aborted) process.exitCode = 130;
}

function plan(flags: AbFlags): void {
  const answer = planAnswer({
    pairs: flags.pairs ? wholeNumber('--pairs', flags.pairs, 10_000_000) : null,
    delta: flags.delta ? unitNumber('--delta', flags.delta) : null,
    discordance: unitNumber('--discordance', flags.discordance),
    alpha: 0.05,
    power: 0.8,
  });
  process.stdout.write(flags.json ? JSON.stringify(answer, null, 2) + '\n' : answer.text + '\n');
}

async function armsOf(
  flags: AbFlags,
  seed: number,
): Promise<{ arms: Arm[]; site: OpenedSite | null }> {
  if (flags.arm.length) return { arms: urlArms(flags.arm), site: null };
  const variants = parseVariants(flags.variants);
  const by = parseVariantBy(flags.variantBy);
  const site = await openSite(flags.site, null, seed);
  return { arms: variantArms(site.startUrl, variants, by), site };
}

async function run(flags: AbFlags, signal: AbortSignal): Promise<void> {
  const config = resolveCommandConfig(flags).values;
  const primary = metricName(flags.primary);
  const binary = (BINARY_METRICS as readonly string[]).includes(primary);
  if (!binary && !NUMERIC_METRICS.includes(primary)) {
    throw new UsageError(
      `--primary ${flags.primary}: choose conversion or one of ${[...BINARY_METRICS, ...NUMERIC_METRICS].join(', ')}.`,
    );
  }
  if (flags.untilDecided && !binary) {
    throw new UsageError(`--until-decided needs a yes/no primary metric; ${primary} is a number.`);
  }
  if (flags.untilDecided && !flags.maxPairs) {
    throw new UsageError(
      '--until-decided needs --max-pairs N, the most pairs to run before giving up.',
    );
  }
  const { verbose, quiet } = verbosity(flags);
  const shard = flags.shard === undefined ? null : parseShard(flags.shard);
  checkShardable(flags, shard);
  checkResumeOut(flags.resume, config.out);
  const prefix = flags.prefix === 'auto' ? 'auto' : wholeNumber('--prefix', flags.prefix, 1000);
  const sessions = wholeNumber('--sessions', flags.sessions, 10_000);
  const maxPairs = flags.maxPairs ? wholeNumber('--max-pairs', flags.maxPairs) : null;
  const personas = flags.fromHuman
    ? []
    : await loadPersonas(flags.persona.length ? flags.persona : ['personas']);
  audienceWeights(personas); // weighted and unweighted personas mixed: refused before any browser
  const ownRecipe = flags.recipe ? await loadRecipe(flags.recipe) : null;
  const { arms, site } = await armsOf(flags, config.seed);
  const base = {
    config,
    arms,
    recipe: ownRecipe ?? site?.recipe ?? null,
    siteLabel: flags.arm.length ? 'arms' : flags.site,
    shopUrl: site?.shopUrl ?? null,
    signal,
    screenshots: !!flags.screenshots,
    events: {
      ...(verbose ? { onExchange: verboseObserver() } : {}),
      onWarning: (message: string) => process.stderr.write(`shopsim: warning: ${message}\n`),
    },
  };
  try {
    if (flags.fromHuman) {
      const result = await previewContinuations({ ...base, humans: flags.fromHuman, prefix });
      const page = await writeHtmlReportQuietly(result.runDir, config.prices);
      if (flags.json) return void process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      process.stdout.write(
        `${tallyTable(result.tallies)}\n\nReport: ${result.files.markdown}${page ? ` and ${page}` : ''}\n`,
      );
      return;
    }
    const untilDecided = !!flags.untilDecided;
    const sessionsNeeded =
      maxPairs && untilDecided ? Math.ceil(maxPairs / personas.length) : sessions;
    const result = await previewPairs({
      ...base,
      personas,
      sessions: sessionsNeeded,
      maxPairs,
      primary,
      untilDecided,
      shard,
      resume: !!flags.resume,
      runConfig: {
        ...publicConfig(config),
        sessions: sessionsNeeded,
        maxPairs,
        primary,
        untilDecided,
        ...armSettings(flags),
        arms: arms.map((a) => a.name),
        shard: shard && formatShard(shard),
      },
    });
    await printPairsResult(result, { json: !!flags.json, quiet, prices: config.prices });
  } finally {
    await site?.close();
  }
}
