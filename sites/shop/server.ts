import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../src/errors.js';
import { ShopApp } from './app.js';
import { guardRequests, stderrLog, type ShopLog } from './guard.js';
import type { VisitorLimits } from './state/visitors.js';
import { DEFAULT_SEED } from './catalog/generate.js';
import { OrderLog } from './state/orders.js';
import { isVariant, VARIANT_LIST, type Variant } from './state/variant.js';

export type { ShopOrder, ShopOrderItem } from './state/orders.js';
export type { Variant } from './state/variant.js';

export interface ShopOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** The arm new visitors get; `?variant=` or the visitor's cookie overrides it. Default 'a'. */
  variant?: Variant;
  /** Catalog seed (a non-negative integer). Same seed, same catalog. */
  seed?: number;
  /** JSONL file every placed order is appended to; default orders.jsonl in a fresh temp dir. */
  orderLog?: string;
  /** Interface to listen on; default 127.0.0.1 (nothing is exposed beyond this machine). */
  host?: string;
  /** Idle time and count after which visitors (carts, drafts) are forgotten. */
  visitors?: VisitorLimits;
  /** Where the few log lines go (a failed request, a client that hung up); default stderr. */
  log?: ShopLog;
}

export interface RunningShop {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  orderLogPath: string;
  close(): Promise<void>;
}

/** Starts the mock shop; resolves once it listens. */
export async function startShop(options: ShopOptions = {}): Promise<RunningShop> {
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  const variant = options.variant ?? 'a';
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`port ${port} is not valid; give a whole number from 0 to 65535.`);
  }
  if (!isVariant(variant)) {
    throw new UsageError(`unknown variant "${String(variant)}"; use one of ${VARIANT_LIST}.`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`seed ${seed} is not valid; give a non-negative whole number.`);
  }
  const orderLogPath = path.resolve(
    options.orderLog ??
      path.join(mkdtempSync(path.join(tmpdir(), 'shopsim-shop-')), 'orders.jsonl'),
  );
  const log = new OrderLog(orderLogPath);
  try {
    await log.init();
  } catch (error) {
    throw new UsageError(
      `cannot write the order log ${orderLogPath} (${(error as Error).message}); choose another file.`,
    );
  }
  const app = new ShopApp(seed, variant, log, options.visitors);
  const server = createServer();
  guardRequests(server, 'shop', app.handle, options.log ?? stderrLog);
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

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new UsageError(`port ${port} is in use; choose another with --port`));
      } else if (error.code === 'EACCES') {
        reject(
          new UsageError(`port ${port} needs special rights; choose one above 1024 with --port`),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new UsageError(`cannot listen on host ${host}; use 127.0.0.1 or a local address.`));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
