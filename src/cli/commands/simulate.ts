import type { Command } from 'commander';
import { runSimulation } from '../../agent/run-simulation.js';
import type { RunSummary } from '../../agent/summary.js';
import { formatSummaryTable } from '../../agent/summary.js';
import { publicConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { loadRecipe } from '../../observe/recipe.js';
import { loadPersonas } from '../../persona.js';
import { addConfigFlags, resolveCommandConfig } from '../config-flags.js';
import { withInterrupt } from '../interrupt.js';
import { bar, ProgressLine } from '../progress.js';
import { confirmOrders, openSite } from '../site.js';

interface SimulateFlags {
  site: string;
  persona: string[];
  sessions: string;
  recipe?: string;
  screenshots?: boolean;
  json?: boolean;
  [configFlag: string]: unknown;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Sessions per persona one run may ask for (more is a typo, or a job for --shard). */
const MAX_SESSIONS = 10_000;

export function registerSimulate(program: Command): void {
  const command = program
    .command('simulate')
    .description(
      'Run simulated shoppers (personas x sessions) on a site in the real browser, recording traces.',
    )
    .option(
      '--site <url|builtin>',
      'shop to visit; "builtin" starts the bundled mock shop',
      'builtin',
    )
    .option('--persona <file|dir>', 'persona file or folder (repeatable)', collect, [])
    .option('--sessions <n>', 'sessions per persona', '1')
    .option('--recipe <file>', 'site recipe pinning element names')
    .option('--screenshots', 'save one PNG per step');
  addConfigFlags(
    command,
    [
      'variant',
      'model',
      'baseUrl',
      'concurrency',
      'maxSteps',
      'maxAttempts',
      'historyPages',
      'seed',
      'out',
      'browserPath',
      'threads',
      'headed',
    ],
    { concurrency: 'parallel browser contexts' },
  )
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (flags: SimulateFlags) => {
      const interrupt = new AbortController();
      // first Ctrl-C: running sessions end after their current step, queued ones never start, and
      // every trace gets its end line; a second Ctrl-C quits at once (traces stay readable)
      const summary = await withInterrupt(
        () => {
          interrupt.abort();
          process.stderr.write(
            '\nInterrupted: ending the running sessions after their current step ' +
              '(Ctrl-C again quits at once).\n',
          );
        },
        () => simulateCommand(flags, interrupt.signal),
      );
      const allFailed = summary.sessions > 0 && summary.errors === summary.sessions;
      process.exitCode = interrupt.signal.aborted ? 130 : allFailed ? 1 : 0;
    });
}

async function simulateCommand(flags: SimulateFlags, signal: AbortSignal): Promise<RunSummary> {
  const resolved = resolveCommandConfig(flags);
  const config = resolved.values;
  const sessions = Number(flags.sessions);
  if (!Number.isInteger(sessions) || sessions < 1 || sessions > MAX_SESSIONS) {
    throw new UsageError(
      `--sessions ${flags.sessions}: give a whole number of sessions per persona, from 1 to ${MAX_SESSIONS}.`,
    );
  }
  const personas = await loadPersonas(flags.persona.length ? flags.persona : ['personas']);
  if (resolved.sources.model === 'default' && !flags.json) {
    process.stderr.write(
      'Using the built-in heuristic shopper. To simulate with an LLM: --model openai:<model> ' +
        '[--base-url http://host/v1] or --model llama:<file.gguf>.\n',
    );
  }
  // every input is read before the shop starts, so a bad file leaves nothing running
  const ownRecipe = flags.recipe ? await loadRecipe(flags.recipe) : null;
  const site = await openSite(flags.site, config.variant, config.seed);
  const recipe = ownRecipe ?? site.recipe;
  const total = personas.length * sessions;
  const progress = new ProgressLine(process.stderr, 2_000, !flags.json);
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
        runConfig: { ...publicConfig(config), sessions, site: flags.site },
        signal,
      },
      {
        onStep: () => {
          steps++;
          show();
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
    summary.confirmedOrders = await confirmOrders(site, summary.records);
    if (flags.json) {
      process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    } else {
      process.stdout.write(`\n${formatSummaryTable(summary)}\n\n`);
      if (summary.confirmedOrders !== null) {
        process.stdout.write(
          `Orders in the shop's order log: ${summary.confirmedOrders} of ${summary.purchases} purchases.\n`,
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
      process.stdout.write(`Run folder: ${summary.runDir}\n`);
    }
    return summary;
  } finally {
    await site.close();
  }
}
