import type { Command } from 'commander';
import type { ServeFlags } from './serve-run.js';
import { withExample } from '../examples.js';

const DEFAULT_SERVE_PORT = 4173;

export function registerServe(program: Command): void {
  withExample(program.command('serve'), ['shopsim serve --site shop --port 8080'])
    .description(
      'Run a bundled mock shop until Ctrl+C: the first shop (visitors can switch arms with ' +
        '?variant=a|b) or the modern client-rendered one.',
    )
    .option('--site <shop|modern>', 'which bundled shop to serve', 'shop')
    .option('--port <n>', 'port to listen on; 0 picks a free one', String(DEFAULT_SERVE_PORT))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option(
      '--variant <name>',
      'arm new visitors get: a, b or a known-effect variant (--site shop only; default a)',
    )
    .option('--seed <n>', "catalog seed (same seed, same catalog; default: the catalog's own seed)")
    .option('--order-log <file>', 'JSONL file placed orders are appended to (default: a temp file)')
    .option('--json', 'print one line {url, site, variant, seed, orderLog, ordersUrl} when ready')
    .action(async (flags: ServeFlags) => (await import('./serve-run.js')).serve(flags));
}
