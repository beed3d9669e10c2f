import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  cookie,
  htmlReply,
  HttpError,
  jsonReply,
  parseCookies,
  requestUrl,
  send,
  type Reply,
} from '../shop/http.js';
import type { Html } from '../shop/pages/html.js';
import { SearchEngine } from '../shop/search/engine.js';
import { VisitorStore, type Visitor, type VisitorLimits } from '../shop/state/visitors.js';
import type { StaticAsset } from './assets.js';
import type { ModernCatalog } from './catalog.js';
import type { OrderContact } from './pages/confirmation.js';
import { notFoundMain } from './pages/confirmation.js';
import { shell, type ShellAssets } from './pages/shell.js';
import { routeApiGet } from './routes/api.js';
import { routeAsset } from './routes/assets.js';
import { routeCartPost } from './routes/cart-api.js';
import { routeCheckoutPost } from './routes/checkout-api.js';
import { routePage } from './routes/pages.js';
import type { ModernOrder, ModernOrderLog } from './state/orders.js';

export const SESSION_COOKIE = '_nf_session';

export interface Timing {
  hydrationDelayMs: number;
  newsletterDelayMs: number;
  /** Added before every /api answer, so skeletons show for a moment as on a real shop. */
  apiLatencyMs: number;
}

/** One request, resolved to its visitor. */
export interface ModernContext {
  app: ModernApp;
  req: IncomingMessage;
  url: URL;
  visitor: Visitor;
}

/** The modern shop's state and request handling, independent of the socket it listens on. */
export class ModernApp {
  readonly search: SearchEngine;
  readonly visitors: VisitorStore;
  /** Orders placed on this server, by id, with the contact shown on the confirmation page. */
  readonly orders = new Map<string, { order: ModernOrder; contact: OrderContact }>();

  constructor(
    readonly shop: ModernCatalog,
    readonly orderLog: ModernOrderLog,
    readonly assets: Map<string, StaticAsset>,
    readonly shellAssets: ShellAssets,
    readonly timing: Timing,
    limits: VisitorLimits = {},
  ) {
    this.visitors = new VisitorStore(limits);
    this.search = new SearchEngine(shop.catalog);
  }

  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const outgoing: string[] = [];
    let reply: Reply;
    let isApi = false;
    try {
      const url = requestUrl(req.url);
      isApi = url.pathname.startsWith('/api/');
      const { visitor, isNew } = this.visitors.get(
        parseCookies(req.headers.cookie)[SESSION_COOKIE],
      );
      if (isNew) outgoing.push(cookie(SESSION_COOKIE, visitor.id, { httpOnly: true }));
      const ctx: ModernContext = { app: this, req, url, visitor };
      if (isApi && this.timing.apiLatencyMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.timing.apiLatencyMs));
      }
      reply = (await this.route(ctx)) ?? this.notFound(isApi, 'There is no page at this address.');
    } catch (error) {
      if (error instanceof HttpError) {
        reply = isApi
          ? jsonReply({ error: error.message }, error.status)
          : {
              status: error.status,
              headers: { 'content-type': 'text/plain' },
              body: error.message,
            };
      } else {
        throw error; // the server's guard answers 500 and logs it
      }
    }
    send(res, reply, outgoing);
  };

  private async route(ctx: ModernContext): Promise<Reply | null> {
    const method = ctx.req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      return routeAsset(ctx) ?? (await routeApiGet(ctx)) ?? routePage(ctx);
    }
    if (method === 'POST') return (await routeCartPost(ctx)) ?? (await routeCheckoutPost(ctx));
    return { status: 405, headers: { allow: 'GET, HEAD, POST' }, body: 'Method not allowed.' };
  }

  /** A page in the shop's frame (status 200 unless given). */
  page(title: string, page: string, main: Html, status = 200): Reply {
    const { hydrationDelayMs, newsletterDelayMs } = this.timing;
    const body = shell(this.shop, this.shellAssets, {
      title,
      page,
      main,
      data: { hydrationDelayMs, newsletterDelayMs },
    });
    return htmlReply(body.value, status);
  }

  notFound(isApi: boolean, message: string): Reply {
    if (isApi) return jsonReply({ error: message }, 404);
    return this.page('Page not found', '404', notFoundMain(message), 404);
  }
}
