import type { Command } from 'commander';
import { addConfigFlags, GUARD_FLAGS } from '../config-flags.js';
import type { ReplayFlags } from './replay-run.js';
import { withExample } from '../examples.js';

export function registerReplay(program: Command): void {
  const command = withExample(program.command('replay <trace>'), [
    'shopsim replay traces/my-run/session-1.jsonl --site builtin',
  ])
    .description(
      "Re-execute a session's actions against the site as it is now and report per step " +
        'whether it still works (exit code 1 when any step diverged).',
    )
    .option('--site <url|builtin>', "site to replay on (default: the trace's site)")
    .option('--variant <name>', 'variant of the shop: a, b or a known-effect variant')
    .option('--on-divergence <stop|continue>', 'what to do when a step diverges', 'stop')
    .option('--out <dir>', 'run folder to write (default: traces/<run-id>)')
    .option('--recipe <file>', 'site recipe pinning element names')
    .option('--json', 'print {file, reportFiles, outcome, report} as JSON');
  addConfigFlags(
    command,
    ['headless', 'browserPath', 'browserEndpoint', 'cdp', 'seed', 'pwTrace', ...GUARD_FLAGS],
    {
      seed: 'catalog seed of the builtin shop',
      pwTrace:
        'Playwright trace.zip of the replay: on | retain-on-failure (kept when a step diverged) | off',
    },
  ).action(async (file: string, flags: ReplayFlags) =>
    (await import('./replay-run.js')).replay(file, flags),
  );
}
