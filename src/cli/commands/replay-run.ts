import { ShopsimError, UsageError } from '../../errors.js';
import { rebaseUrl } from '../../replay/compare.js';
import { replayTrace } from '../../replay/replay.js';
import { formatReplayLines } from '../../replay/report.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { readTraceFile } from '../../traces/reader.js';
import { loadRecipe } from '../../observe/recipe.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { openSite } from '../site.js';
import { parseVariant } from './record-run.js';

export interface ReplayFlags {
  site?: string;
  variant?: string;
  onDivergence: string;
  out?: string;
  headless?: boolean;
  browserPath?: string;
  seed?: string;
  recipe?: string;
  config?: string;
  json?: boolean;
  [guardFlag: string]: unknown;
}

export async function replay(file: string, flags: ReplayFlags): Promise<void> {
  if (flags.onDivergence !== 'stop' && flags.onDivergence !== 'continue') {
    throw new UsageError(`--on-divergence ${flags.onDivergence}: use stop or continue.`);
  }
  const variant = parseVariant(flags.variant);
  const trace = await readTraceFile(file);
  const first = trace.steps[0];
  if (!first) throw new UsageError(`${file} has no steps to replay.`);
  const siteFlag = flags.site ?? trace.header.site;
  const config = resolveCommandConfig({ ...flags }).values;
  const site = await openSite(siteFlag, variant, config.seed);
  try {
    const start = new URL(rebaseUrl(first.url, site.startUrl));
    // the variant rides on the start URL for other sites (the shop pins it in a cookie)
    const wanted = new URL(site.startUrl).searchParams.get('variant');
    if (wanted) start.searchParams.set('variant', wanted);
    (flags.json ? process.stderr : process.stdout).write(
      `Replaying ${trace.steps.length} steps of ${trace.header.session_id} on ${start.origin}\n`,
    );
    const result = await replayTrace({
      trace,
      startUrl: start.href,
      site: siteFlag,
      variant,
      recipe: flags.recipe ? await loadRecipe(flags.recipe) : site.recipe,
      onDivergence: flags.onDivergence,
      headless: config.headless,
      browserPath: config.browserPath,
      browserEndpoint: config.browserEndpoint,
      cdpUrl: config.cdpUrl,
      timeoutMs: config.timeoutMs,
      out: flags.out ?? null,
      pwTrace: config.pwTrace,
      guard: config,
    });
    const page = await writeHtmlReportQuietly(result.dir, config.prices);
    if (flags.json) {
      const { file: replayFile, reportFiles, outcome, report } = result;
      const json = { file: replayFile, reportFiles, outcome, report, html: page };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else {
      process.stdout.write(formatReplayLines(result.report));
      process.stdout.write(
        `Replayed trace: ${result.file}\nReport: ${result.reportFiles.markdown} (and .json)${page ? `, ${page}` : ''}\n`,
      );
    }
    if (result.report.summary.diverged > 0) {
      throw new ShopsimError(
        `the replay diverged at ${result.report.summary.diverged} step(s), first at step ` +
          `${result.report.summary.first_divergence}; see ${result.reportFiles.markdown}.`,
      );
    }
  } finally {
    await site.close();
  }
}
