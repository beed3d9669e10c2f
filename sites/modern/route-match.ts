/** The shop's page URLs, shared by the server (which page to send) and the client router. */

export type PageRoute =
  | { kind: 'home' }
  | { kind: 'collection'; slug: string }
  | { kind: 'search' }
  | { kind: 'product'; handle: string }
  | { kind: 'checkout' }
  | { kind: 'order'; orderId: string };

export function matchRoute(pathname: string): PageRoute | null {
  if (pathname === '/') return { kind: 'home' };
  if (pathname === '/search') return { kind: 'search' };
  if (pathname === '/checkout') return { kind: 'checkout' };
  const collection = /^\/collections\/([a-z0-9-]+)$/.exec(pathname);
  if (collection) return { kind: 'collection', slug: collection[1]! };
  const product = /^\/products\/([a-z0-9-]+)$/.exec(pathname);
  if (product) return { kind: 'product', handle: product[1]! };
  const order = /^\/order\/([A-Z0-9-]+)$/.exec(pathname);
  if (order) return { kind: 'order', orderId: order[1]! };
  return null;
}
