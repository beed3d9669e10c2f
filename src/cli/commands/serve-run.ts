import { DEFAULT_SEED } from '../../../sites/shop/catalog/generate.js';
import { startModernShop } from '../../../sites/modern/server.js';
import { startShop } from '../../../sites/shop/server.js';
import { isVariant, VARIANT_LIST, type Variant } from '../../../sites/shop/state/variant.js';
import { UsageError } from '../../errors.js';

/** The bundled shops: the first (server-rendered, A/B arms) and the modern client-rendered one. */
export const SERVE_SITES = ['shop', 'modern'] as const;
export type ServeSite = (typeof SERVE_SITES)[number];

export interface ServeFlags {
  site: string;
  port: string;
  host: string;
  variant?: string;
  seed?: string;
  orderLog?: string;
  json?: boolean;
}

export interface ServeSettings {
  site: ServeSite;
  port: number;
  host: string;
  variant: Variant;
  seed: number;
  orderLog: string | undefined;
}

/** Checks the flags; every problem names the flag and says what to give instead. */
export function parseServeFlags(given: ServeFlags): ServeSettings {
  const flags = { ...given, seed: given.seed ?? String(DEFAULT_SEED) };
  if (!(SERVE_SITES as readonly string[]).includes(flags.site)) {
    throw new UsageError(`--site ${flags.site}: unknown site; use shop or modern.`);
  }
  const site = flags.site as ServeSite;
  if (site === 'modern' && flags.variant !== undefined) {
    throw new UsageError('--variant applies to --site shop only; the modern shop has no A/B arms.');
  }
  const variant = flags.variant ?? 'a';
  if (!/^\d+$/.test(flags.port) || Number(flags.port) > 65535) {
    throw new UsageError(
      `--port ${flags.port}: give a whole number from 0 to 65535 (0 = any free port).`,
    );
  }
  if (!isVariant(variant)) {
    throw new UsageError(`--variant ${variant}: unknown variant; use one of ${VARIANT_LIST}.`);
  }
  if (!/^\d+$/.test(flags.seed) || !Number.isSafeInteger(Number(flags.seed))) {
    throw new UsageError(
      `--seed ${flags.seed}: the seed must be a non-negative whole number, e.g. --seed 7.`,
    );
  }
  return {
    site,
    port: Number(flags.port),
    host: flags.host,
    variant,
    seed: Number(flags.seed),
    orderLog: flags.orderLog,
  };
}

/** Resolves with the signal's name on the first SIGINT or SIGTERM. */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export async function serve(flags: ServeFlags): Promise<void> {
  const settings = parseServeFlags(flags);
  const modern = settings.site === 'modern';
  const shop = modern ? await startModernShop(settings) : await startShop(settings);
  const label = modern ? 'Modern shop' : 'Mock shop';
  const about = modern
    ? `catalog seed ${settings.seed}`
    : `variant ${settings.variant} for new visitors, catalog seed ${settings.seed}`;
  if (flags.json) {
    // one line, printed when the shop is ready, so a script can read it and go on
    const ready = {
      url: shop.url,
      site: settings.site,
      variant: modern ? null : settings.variant,
      seed: settings.seed,
      orderLog: shop.orderLogPath,
      ordersUrl: `${shop.url}/api/orders`,
    };
    process.stdout.write(JSON.stringify(ready) + '\n');
  } else {
    process.stdout.write(
      `${label} running at ${shop.url} (${about})\n` +
        `Orders are logged to ${shop.orderLogPath} and served at ${shop.url}/api/orders\n` +
        'Press Ctrl+C to stop.\n',
    );
  }
  const signal = await untilStopped();
  await shop.close();
  (flags.json ? process.stderr : process.stdout).write(`${label} stopped (${signal}).\n`);
}
