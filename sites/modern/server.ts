import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/errors.js';
import { DEFAULT_SEED } from '../shop/catalog/generate.js';
import { guardRequests, stderrLog, type ShopLog } from '../shop/guard.js';
import { closeServer, listen } from '../shop/server.js';
import type { VisitorLimits } from '../shop/state/visitors.js';
import { ModernApp, type Timing } from './app.js';
import { loadAssets } from './assets.js';
import { buildModernCatalog } from './catalog.js';
import { ModernOrderLog } from './state/orders.js';

export type { ModernOrder, ModernOrderItem } from './state/orders.js';

export interface ModernShopOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (nothing is exposed beyond this machine). */
  host?: string;
  /** Catalog seed (a non-negative integer). Same seed, same catalog. */
  seed?: number;
  /** JSONL file every placed order is appended to; default orders.jsonl in a fresh temp dir. */
  orderLog?: string;
  /** Milliseconds before the page's buttons respond (late hydration); default 450. */
  hydrationDelayMs?: number;
  /** Milliseconds after the first page load before the newsletter offer opens; default 2500. */
  newsletterDelayMs?: number;
  /** Milliseconds every /api answer is held back, like a real backend; default 120. */
  apiLatencyMs?: number;
  /** Idle time and count after which visitors (carts, drafts) are forgotten. */
  visitors?: VisitorLimits;
  /** Where the few log lines go (a failed request, a client that hung up); default stderr. */
  log?: ShopLog;
}

export interface RunningModernShop {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  orderLogPath: string;
  close(): Promise<void>;
}

const DEFAULT_TIMING: Timing = {
  hydrationDelayMs: 450,
  newsletterDelayMs: 2500,
  apiLatencyMs: 120,
};

/** Starts the modern (client-rendered, React-style) shop; resolves once it listens. */
export async function startModernShop(options: ModernShopOptions = {}): Promise<RunningModernShop> {
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`port ${port} is not valid; give a whole number from 0 to 65535.`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`seed ${seed} is not valid; give a non-negative whole number.`);
  }
  const timing: Timing = {
    hydrationDelayMs: options.hydrationDelayMs ?? DEFAULT_TIMING.hydrationDelayMs,
    newsletterDelayMs: options.newsletterDelayMs ?? DEFAULT_TIMING.newsletterDelayMs,
    apiLatencyMs: options.apiLatencyMs ?? DEFAULT_TIMING.apiLatencyMs,
  };
  for (const [name, value] of Object.entries(timing)) {
    if (!Number.isInteger(value) || value < 0 || value > 60_000) {
      throw new UsageError(
        `${name} ${value} is not valid; give whole milliseconds from 0 to 60000.`,
      );
    }
  }
  const orderLogPath = path.resolve(
    options.orderLog ??
      path.join(mkdtempSync(path.join(tmpdir(), 'shopsim-modern-')), 'orders.jsonl'),
  );
  const log = new ModernOrderLog(orderLogPath);
  try {
    await log.init();
  } catch (error) {
    throw new UsageError(
      `cannot write the order log ${orderLogPath} (${(error as Error).message}); choose another file.`,
    );
  }
  const { assets, hrefs } = await loadAssets();
  const app = new ModernApp(buildModernCatalog(seed), log, assets, hrefs, timing, options.visitors);
  const server = createServer();
  guardRequests(server, 'modern shop', app.handle, options.log ?? stderrLog);
  await listen(server, port, host);
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    orderLogPath,
    close: () => closeServer(server),
  };
}
