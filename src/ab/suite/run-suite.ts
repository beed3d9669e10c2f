import path from 'node:path';
import { publicConfig } from '../../config.js';
import type { Recipe } from '../../observe/recipe.js';
import type { Persona } from '../../persona.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { writeReport, type ReportFiles } from '../../report/write.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../../traces/run.js';
import { variantArms, type VariantBy } from '../arms.js';
import { previewPairs, type PreviewBase } from '../preview.js';
import type { KnownEffect, SuiteName } from './known-effects.js';
import { suiteMarkdown } from './suite-markdown.js';
import { judge, type SuiteVerdict } from './verdict.js';

export interface SuiteRun extends Omit<PreviewBase, 'arms'> {
  suite: SuiteName;
  /** The suite's entries (SUITES[suite], or a part of them). */
  effects: readonly KnownEffect[];
  /** The bundled shop's start URL; every entry's arms are variants of it. */
  startUrl: string;
  by: VariantBy;
  personas: Persona[];
  sessions: number;
  maxPairs: number | null;
  untilDecided: boolean;
}

/** What a suite run takes from the opened bundled shop (openSite('builtin', ...)). */
export interface SuiteShop {
  startUrl: string;
  recipe: Recipe | null;
  shopUrl: string | null;
}

/**
 * The runSuite input for `shop`, the bundled shop (the only site with the suite's variants, so
 * its label is always "builtin"): its start URL, recipe and order log, and the rest as given.
 */
export function suiteOptions(
  shop: SuiteShop,
  rest: Omit<SuiteRun, keyof SuiteShop | 'siteLabel'>,
): SuiteRun {
  const { startUrl, recipe, shopUrl } = shop;
  return { ...rest, startUrl, recipe, siteLabel: 'builtin', shopUrl };
}

export interface SuiteResult {
  kind: 'suite';
  suite: SuiteName;
  runDir: string;
  model: string;
  seed: number;
  verdicts: SuiteVerdict[];
  /** Entries whose expectation held, of all that ran. */
  found: number;
  ran: number;
  files: ReportFiles;
}

/**
 * Runs every entry of a suite as its own A/B preview against variant a (into <run>/<arm>/, each
 * with its ab.json, ab.md and index.html), judges each and writes suite.json and suite.md.
 */
export async function runSuite(run: SuiteRun): Promise<SuiteResult> {
  const dir = run.config.out ?? path.join(DEFAULT_TRACES_DIR, newRunId('suite'));
  const verdicts: SuiteVerdict[] = [];
  for (const effect of run.effects) {
    if (run.signal?.aborted) break;
    const [control, treatment] = variantArms(run.startUrl, ['a', effect.variant], run.by);
    const result = await previewPairs({
      ...run,
      config: { ...run.config, out: path.join(dir, effect.arm) },
      arms: [control!, { ...treatment!, name: effect.arm }],
      primary: effect.metric,
      shard: null,
      resume: false,
      runConfig: {
        ...publicConfig(run.config),
        suite: run.suite,
        variant: effect.variant,
        sessions: run.sessions,
        maxPairs: run.maxPairs,
        primary: effect.metric,
        untilDecided: run.untilDecided,
      },
    });
    await writeHtmlReportQuietly(result.runDir, run.config.prices);
    verdicts.push(judge(effect, result.stats, { sequential: run.untilDecided }));
  }
  const summary = {
    kind: 'suite' as const,
    suite: run.suite,
    runDir: dir,
    model: run.config.model,
    seed: run.config.seed,
    verdicts,
    found: verdicts.filter((v) => v.found).length,
    ran: verdicts.length,
  };
  const files = await writeReport(dir, 'suite', {
    json: summary,
    markdown: suiteMarkdown(summary),
  });
  return { ...summary, files };
}
