import { randomBytes } from 'node:crypto';
import type { CartLine } from './cart.js';

export const VISITOR_COOKIE = 'shop_visitor';

export interface Flash {
  kind: 'success' | 'error';
  text: string;
  /** Optional follow-up link shown with the message, e.g. "View cart". */
  link: { href: string; label: string; id: string } | null;
}

export interface Visitor {
  id: string;
  cart: CartLine[];
  /** A message for the next page this visitor sees (POST-redirect-GET). */
  flash: Flash | null;
  /** Checkout fields the visitor typed, kept when the form is sent back with an error. */
  checkoutDraft: Record<string, string> | null;
  /** Ids of the visitor's placed orders, oldest first. */
  orders: string[];
}

const ID_PATTERN = /^v[0-9a-f]{16}$/;

export interface VisitorLimits {
  /** A visitor unseen this long is forgotten (cart, draft, flash); default 30 minutes. */
  idleMs?: number;
  /** Most visitors kept at once; the longest idle go first. Default 10,000. */
  maxVisitors?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

export const DEFAULT_VISITOR_IDLE_MS = 30 * 60_000;
export const DEFAULT_MAX_VISITORS = 10_000;

/**
 * In-memory visitors of one server. Many browser contexts can shop at once without sharing.
 * Memory stays bounded: visitors idle longer than `idleMs` are forgotten, and past
 * `maxVisitors` the longest idle is dropped. A forgotten visitor who comes back starts afresh.
 */
export class VisitorStore {
  /** In order of last visit, oldest first (a visit moves the visitor to the end). */
  private readonly visitors = new Map<string, { visitor: Visitor; seen: number }>();
  private readonly idleMs: number;
  private readonly maxVisitors: number;
  private readonly now: () => number;

  constructor(limits: VisitorLimits = {}) {
    this.idleMs = limits.idleMs ?? DEFAULT_VISITOR_IDLE_MS;
    this.maxVisitors = limits.maxVisitors ?? DEFAULT_MAX_VISITORS;
    this.now = limits.now ?? Date.now;
  }

  /** Visitors currently remembered. */
  get size(): number {
    return this.visitors.size;
  }

  /** The visitor for a cookie value; a valid but unknown id (e.g. after a restart) starts afresh. */
  get(cookieValue: string | undefined): { visitor: Visitor; isNew: boolean } {
    const now = this.now();
    this.forgetIdle(now);
    if (cookieValue && ID_PATTERN.test(cookieValue)) {
      const known = this.visitors.get(cookieValue);
      if (known) {
        this.visitors.delete(cookieValue);
        this.visitors.set(cookieValue, { visitor: known.visitor, seen: now });
        return { visitor: known.visitor, isNew: false };
      }
      return { visitor: this.create(cookieValue, now), isNew: false };
    }
    return { visitor: this.create(`v${randomBytes(8).toString('hex')}`, now), isNew: true };
  }

  private forgetIdle(now: number): void {
    for (const [id, entry] of this.visitors) {
      if (now - entry.seen < this.idleMs) break;
      this.visitors.delete(id);
    }
  }

  private create(id: string, now: number): Visitor {
    const visitor: Visitor = { id, cart: [], flash: null, checkoutDraft: null, orders: [] };
    this.visitors.set(id, { visitor, seen: now });
    while (this.visitors.size > this.maxVisitors) {
      this.visitors.delete(this.visitors.keys().next().value!);
    }
    return visitor;
  }

  /** Reads and clears the visitor's flash message. */
  takeFlash(visitor: Visitor): Flash | null {
    const flash = visitor.flash;
    visitor.flash = null;
    return flash;
  }
}
