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

/** In-memory visitors of one server. Many browser contexts can shop at once without sharing. */
export class VisitorStore {
  private readonly visitors = new Map<string, Visitor>();

  /** The visitor for a cookie value; a valid but unknown id (e.g. after a restart) starts afresh. */
  get(cookieValue: string | undefined): { visitor: Visitor; isNew: boolean } {
    if (cookieValue && ID_PATTERN.test(cookieValue)) {
      const known = this.visitors.get(cookieValue);
      if (known) return { visitor: known, isNew: false };
      return { visitor: this.create(cookieValue), isNew: false };
    }
    return { visitor: this.create(`v${randomBytes(8).toString('hex')}`), isNew: true };
  }

  private create(id: string): Visitor {
    const visitor: Visitor = { id, cart: [], flash: null, checkoutDraft: null, orders: [] };
    this.visitors.set(id, visitor);
    return visitor;
  }

  /** Reads and clears the visitor's flash message. */
  takeFlash(visitor: Visitor): Flash | null {
    const flash = visitor.flash;
    visitor.flash = null;
    return flash;
  }
}
