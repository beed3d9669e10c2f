import type { Command } from 'commander';
import { runSimulation } from '../../agent/run-simulation.js';
import type { RunSummary } from '../../agent/summary.js';
import { formatSummaryTable } from '../../agent/summary.js';
import { loadConfig, modelTimeoutMs, publicConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { loadRecipe } from '../../observe/recipe.js';
import { loadPersonas } from '../../persona.js';
import { withInterrupt } from '../interrupt.js';
import { bar, ProgressLine } from '../progress.js';
import { confirmOrders, openSite } from '../site.js';

interface SimulateFlags {
  site: string;
  variant?: string;
  persona: string[];
  sessions: string;
  model?: string;
  baseUrl?: string;
  concurrency?: string;
  maxSteps?: string;
  maxAttempts?: string;
  historyPages?: string;
  seed?: string;
  out?: string;
  recipe?: string;
  screenshots?: boolean;
  browserPath?: string;
  threads?: string;
  headed?: boolean;
  config?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'Run simulated shoppers (personas x sessions) on a site in the real browser, recording traces.',
    )
    .option(
      '--site <url|builtin>',
      'shop to visit; "builtin" starts the bundled mock shop',
      'builtin',
    )
    .option(
      '--variant <a|b>',
      'A/B arm (builtin: server variant; other sites: ?variant= on the start URL)',
    )
    .option('--persona <file|dir>', 'persona file or folder (repeatable)', collect, [])
    .option('--sessions <n>', 'sessions per persona', '1')
    .option(
      '--model <spec>',
      'openai:<model> | llama:<file.gguf> | heuristic | random[:seed] | scripted:<file>',
    )
    .option('--base-url <url>', 'OpenAI-compatible endpoint (default OPENAI_BASE_URL)')
    .option('--concurrency <k>', 'parallel browser contexts')
    .option('--max-steps <n>', 'steps per session before it is stopped')
    .option('--max-attempts <n>', 'model calls per step before an invalid answer ends the session')
    .option('--history-pages <k>', 'earlier pages given to the model as full HTML')
    .option('--seed <s>', 'run seed (sessions derive their own)')
    .option('--out <dir>', 'run folder (default traces/<run-id>)')
    .option('--recipe <file>', 'site recipe pinning element names')
    .option('--screenshots', 'save one PNG per step')
    .option(
      '--browser-path <path>',
      'Chromium executable (default: SHOPSIM_BROWSER, Playwright, /usr/bin/chromium)',
    )
    .option('--threads <n>', 'CPU threads for llama:<file.gguf> models')
    .option('--headed', 'show the browser windows')
    .option('--config <file>', 'config file (default ./shopsim.config.json)')
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
  const config = loadConfig({
    file: flags.config,
    flags: {
      model: flags.model,
      baseUrl: flags.baseUrl,
      concurrency: flags.concurrency,
      maxSteps: flags.maxSteps,
      maxAttempts: flags.maxAttempts,
      historyPages: flags.historyPages,
      seed: flags.seed,
      out: flags.out,
      variant: flags.variant,
      browserPath: flags.browserPath,
      threads: flags.threads,
      headless: flags.headed ? false : undefined,
    },
  });
  const sessions = Number(flags.sessions);
  if (!Number.isInteger(sessions) || sessions < 1) {
    throw new UsageError(
      `--sessions ${flags.sessions}: give a whole number of sessions per persona, 1 or more.`,
    );
  }
  const personas = await loadPersonas(flags.persona.length ? flags.persona : ['personas']);
  if (!flags.model && !process.env.SHOPSIM_MODEL && config.model === 'heuristic' && !flags.json) {
    process.stderr.write(
      'Using the built-in heuristic shopper. To simulate with an LLM: --model openai:<model> ' +
        '[--base-url http://host/v1] or --model llama:<file.gguf>.\n',
    );
  }
  const site = await openSite(flags.site, config.variant, config.seed);
  const recipe = flags.recipe ? await loadRecipe(flags.recipe) : site.recipe;
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
        startUrl: site.startUrl,
        siteLabel: flags.site,
        variant: config.variant,
        personas,
        sessionsPerPersona: sessions,
        model: config.model,
        modelOptions: {
          baseUrl: config.baseUrl,
          timeoutMs: modelTimeoutMs(config),
          llama: config.threads ? { threads: config.threads } : undefined,
        },
        concurrency: config.concurrency,
        maxSteps: config.maxSteps,
        maxAttempts: config.maxAttempts,
        historyPages: config.historyPages,
        timeoutMs: config.timeoutMs,
        seed: config.seed,
        out: config.out,
        recipe,
        screenshots: !!flags.screenshots,
        browserPath: config.browserPath,
        headless: config.headless,
        config: { ...publicConfig(config), sessions, site: flags.site },
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
      const firstError = summary.records.find((r) => r.error);
      if (firstError)
        process.stdout.write(`First error (${firstError.sessionId}): ${firstError.error}\n`);
      if (signal.aborted) {
        process.stdout.write(
          `Interrupted: ${summary.sessions} of ${total} sessions ran (all traces are complete).\n`,
        );
      }
      process.stdout.write(`Run folder: ${summary.runDir}\n`);
    }
    return summary;
  } finally {
    await site.close();
  }
}
