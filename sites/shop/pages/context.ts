import type { Catalog } from '../catalog/types.js';
import type { Variant } from '../state/variant.js';
import type { Flash } from '../state/visitors.js';

/** What every page needs to know about the request it renders. */
export interface PageContext {
  catalog: Catalog;
  variant: Variant;
  /** Units in the visitor's cart (shown in the header). */
  cartCount: number;
  flash: Flash | null;
  /** Path and query of this page, for forms that come back here. */
  path: string;
  /** The search text to keep in the header's search box. */
  query: string;
}
