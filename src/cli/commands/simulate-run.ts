import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runSimulation } from '../../agent/run-simulation.js';
import { cacheSentence } from '../../cost/cache-savings.js';
import { usageSentence } from '../../cost/folder-usage.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import type { RunSummary } from '../../agent/summary.js';
import { formatSummaryTable } from '../../agent/summary.js';
import { publicConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { loadRecipe } from '../../observe/recipe.js';
import { formatShard, parseShard, sessionSlots } from '../../agent/shard.js';
import { DEFAULT_PERSONAS_DIR, loadPersonas } from '../../persona.js';
import { audienceWeights } from '../../personas/audience.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';
import { bar, ProgressLine } from '../progress.js';
import { confirmOrders, openSite } from '../site.js';
import { verboseObserver, verbosity } from '../verbose.js';
import { checkResumeOut } from '../../agent/run-folder.js';

export interface SimulateFlags {
  site: string;
  persona: string[];
  sessions: string;
  recipe?: string;
  screenshots?: boolean;
  shard?: string;
  resume?: boolean;
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  [configFlag: string]: unknown;
}

/** Sessions per persona one run may ask for (more is a typo, or a job for --shard). */
const MAX_SESSIONS = 10_000;

export async function simulateCommand(
  flags: SimulateFlags,
  signal: AbortSignal,
): Promise<RunSummary> {
  const resolved = resolveCommandConfig(flags);
  const config = resolved.values;
  const sessions = Number(flags.sessions);
  if (!Number.isInteger(sessions) || sessions < 1 || sessions > MAX_SESSIONS) {
    throw new UsageError(
      `--sessions ${flags.sessions}: give a whole number of sessions per persona, from 1 to ${MAX_SESSIONS}.`,
    );
  }
  const { quiet } = verbosity(flags);
  const shard = flags.shard === undefined ? null : parseShard(flags.shard);
  checkResumeOut(flags.resume, config.out);
  const personas = await loadPersonas(
    flags.persona.length ? flags.persona : [DEFAULT_PERSONAS_DIR],
  );
  audienceWeights(personas); // weighted and unweighted personas mixed: refused before any browser
  if (resolved.sources.model === 'default' && !quiet) {
    process.stderr.write(
      'Using the built-in heuristic shopper. To simulate with an LLM: --model openai:<model> ' +
        '[--base-url http://host/v1] or --model llama:<file.gguf>.\n',
    );
  }
  // every input is read before the shop starts, so a bad file leaves nothing running
  const ownRecipe = flags.recipe ? await loadRecipe(flags.recipe) : null;
  const site = await openSite(flags.site, config.variant, config.seed);
  const recipe = ownRecipe ?? site.recipe;
  const total = sessionSlots(
    personas.map((p) => p.id),
    sessions,
    shard,
  ).length;
  const progress = new ProgressLine(process.stderr, 2_000, !quiet);
  let done = 0,
    steps = 0,
    purchases = 0,
    errors = 0;
  const show = (force = false) =>
    progress.update(
      `${bar(done, total)} sessions  ${steps} steps  ${purchases} purchases  ${errors} errors`,
      force,
    );
  try {
    const summary = await runSimulation(
      {
        config,
        site: { startUrl: site.startUrl, label: flags.site, recipe },
        personas,
        sessionsPerPersona: sessions,
        screenshots: !!flags.screenshots,
        runConfig: {
          ...publicConfig(config),
          sessions,
          site: flags.site,
          shard: shard && formatShard(shard),
        },
        shard,
        resume: !!flags.resume,
        signal,
      },
      {
        ...(flags.verbose ? { onExchange: verboseObserver() } : {}),
        onStep: () => {
          steps++;
          show();
        },
        onWarning: (message) => {
          // clears a progress line being redrawn in place; the next update draws it again
          const clear = process.stderr.isTTY ? '\r\x1b[2K' : '';
          process.stderr.write(`${clear}shopsim: warning: ${message}\n`);
        },
        onSessionEnd: (record) => {
          done++;
          if (record.outcome === 'purchase') purchases++;
          if (record.outcome === 'error') errors++;
          show(true);
        },
      },
    );
    progress.done();
    // a resumed run's kept sessions ordered in an earlier shop process: their orders are unknown
    if (!flags.resume) summary.confirmedOrders = await confirmOrders(site, summary.records);
    await writeFile(
      path.join(summary.runDir, 'summary.json'),
      JSON.stringify(summary, null, 2) + '\n',
    );
    const report = await writeHtmlReportQuietly(summary.runDir, config.prices);
    if (flags.json) {
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    } else {
      process.stdout.write(`\n${formatSummaryTable(summary)}\n\n`);
    }
    if (flags.quiet && !flags.json) {
      process.stdout.write(`Run folder: ${summary.runDir}\n`);
    } else if (!flags.json) {
      if (summary.confirmedOrders !== null) {
        process.stdout.write(
          `Orders in the shop's order log: ${summary.confirmedOrders} of ${summary.purchases} purchases.\n`,
        );
      }
      if (summary.notPlaced > 0) {
        process.stdout.write(
          `Purchases not placed (live-site guard): ${summary.notPlaced} of ${summary.purchases} ` +
            'stopped at the order button (orders are placed only on loopback hosts and ' +
            '--allow-orders-on hosts).\n',
        );
      }
      const firstError = summary.records.find((r) => r.outcome === 'error');
      if (firstError)
        process.stdout.write(`First error (${firstError.sessionId}): ${firstError.error}\n`);
      if (signal.aborted) {
        process.stdout.write(
          `Interrupted: ${summary.sessions} of ${total} sessions ran (all traces are complete); ` +
            `${summary.interrupted} stopped early are left out of the rates.\n`,
        );
      }
      process.stdout.write(
        usageSentence(summary.usage) +
          (summary.usage.costUsd === null
            ? ` No price for ${summary.model}: add it to the "prices" setting.`
            : '') +
          '\n',
      );
      if (summary.cache) process.stdout.write(cacheSentence(summary.cache) + '\n');
      if (report) process.stdout.write(`Report: ${report}\n`);
      process.stdout.write(`Run folder: ${summary.runDir}\n`);
    }
    return summary;
  } finally {
    await site.close();
  }
}
