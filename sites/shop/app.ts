import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PACKAGE_ROOT } from '../../src/version.js';
import { generateCatalog } from './catalog/generate.js';
import type { Catalog } from './catalog/types.js';
import {
  cookie,
  htmlReply,
  HttpError,
  parseCookies,
  requestUrl,
  send,
  type Reply,
} from './http.js';
import { notFoundPage } from './pages/confirmation.js';
import type { PageContext } from './pages/context.js';
import { routeAction } from './routes/actions.js';
import { routeAsset } from './routes/assets.js';
import { routePage } from './routes/pages.js';
import { SearchEngine } from './search/engine.js';
import type { OrderLog, ShopOrder } from './state/orders.js';
import { chooseVariant, VARIANT_COOKIE, VARIANT_HEADER, type Variant } from './state/variant.js';
import {
  VISITOR_COOKIE,
  VisitorStore,
  type Visitor,
  type VisitorLimits,
} from './state/visitors.js';

/** One request, resolved to its visitor and A/B arm. */
export interface RequestContext {
  app: ShopApp;
  req: IncomingMessage;
  url: URL;
  visitor: Visitor;
  variant: Variant;
}

/** The shop's state and request handling, independent of the socket it listens on. */
export class ShopApp {
  readonly catalog: Catalog;
  readonly search: SearchEngine;
  readonly visitors: VisitorStore;
  /** Orders placed on this server, by id (the log file may also hold older runs). */
  readonly orders = new Map<string, ShopOrder>();
  readonly assets: Record<string, { type: string; body: string }>;

  constructor(
    seed: number,
    readonly defaultVariant: Variant,
    readonly orderLog: OrderLog,
    limits: VisitorLimits = {},
  ) {
    this.visitors = new VisitorStore(limits);
    this.catalog = generateCatalog(seed);
    this.search = new SearchEngine(this.catalog);
    const dir = `${PACKAGE_ROOT}/sites/shop/public`;
    this.assets = {
      'shop.css': {
        type: 'text/css; charset=utf-8',
        body: readFileSync(`${dir}/shop.css`, 'utf8'),
      },
      'shop.js': {
        type: 'text/javascript; charset=utf-8',
        body: readFileSync(`${dir}/shop.js`, 'utf8'),
      },
    };
  }

  /** Everything a page template needs; takes (and clears) the visitor's flash message. */
  pageContext(ctx: RequestContext, query = ''): PageContext {
    return {
      catalog: this.catalog,
      variant: ctx.variant,
      cartCount: ctx.visitor.cart.reduce((n, l) => n + l.quantity, 0),
      flash: this.visitors.takeFlash(ctx.visitor),
      path: ctx.url.pathname + ctx.url.search,
      query,
    };
  }

  /** Answers one request; errors other than HttpError go to the server's guard (a 500). */
  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const outgoing: string[] = [];
    let reply: Reply;
    try {
      const url = requestUrl(req.url);
      const cookies = parseCookies(req.headers.cookie);
      const { visitor, isNew } = this.visitors.get(cookies[VISITOR_COOKIE]);
      if (isNew) outgoing.push(cookie(VISITOR_COOKIE, visitor.id, { httpOnly: true }));
      const choice = chooseVariant(
        url.searchParams.get('variant'),
        cookies[VARIANT_COOKIE],
        this.defaultVariant,
        [req.headers[VARIANT_HEADER]].flat()[0],
      );
      if (choice.setCookie) outgoing.push(cookie(VARIANT_COOKIE, choice.variant));
      const ctx: RequestContext = { app: this, req, url, visitor, variant: choice.variant };
      reply = (await this.route(ctx)) ?? this.notFound(ctx, 'There is no page at this address.');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = {
        status: error.status,
        headers: { 'content-type': 'text/plain' },
        body: error.message,
      };
    }
    send(res, reply, outgoing);
  };

  private async route(ctx: RequestContext): Promise<Reply | null> {
    const method = ctx.req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') {
      return (await routeAsset(ctx)) ?? routePage(ctx);
    }
    if (method === 'POST') return routeAction(ctx);
    return { status: 405, headers: { allow: 'GET, HEAD, POST' }, body: 'Method not allowed.' };
  }

  notFound(ctx: RequestContext, message: string): Reply {
    return htmlReply(notFoundPage(this.pageContext(ctx), message).value, 404);
  }
}
