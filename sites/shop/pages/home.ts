import { isAvailable } from '../catalog/stock.js';
import type { Catalog, Product } from '../catalog/types.js';
import { productCard } from './card.js';
import type { PageContext } from './context.js';
import { html, type Html } from './html.js';
import { layout, SHOP_NAME } from './layout.js';

/** The most popular buyable product of each of the first eight categories. */
export function featuredProducts(catalog: Catalog): Product[] {
  return catalog.categories.slice(0, 8).flatMap((c) => {
    const best = catalog.products
      .filter((p) => p.category === c.slug && isAvailable(p) && p.rating >= 4)
      .sort((a, b) => b.ratingCount * b.rating - a.ratingCount * a.rating)[0];
    return best ? [best] : [];
  });
}

/** section#hero, section#shop_by_category > ul#category_list, section#featured > ol#featured_products. */
export function homePage(ctx: PageContext): Html {
  const body = html`<section id="hero">
      <h1 id="hero_heading">Everything you need, delivered</h1>
      <p>
        Shop ${ctx.catalog.products.length} products from trusted brands. Free delivery on orders
        over $35.
      </p>
    </section>
    <section id="shop_by_category">
      <h2 id="categories_heading">Shop by category</h2>
      <ul id="category_list">
        ${ctx.catalog.categories.map(
          (c) =>
            html`<li class="category-tile">
              <a href="/category/${c.slug}">${c.name}</a>
              <p>${c.blurb}</p>
            </li>`,
        )}
      </ul>
    </section>
    <section id="featured">
      <h2 id="featured_heading">Featured products</h2>
      <ol id="featured_products" class="product-grid">
        ${featuredProducts(ctx.catalog).map((p) => productCard(p, '/'))}
      </ol>
    </section>`;
  return layout(ctx, { title: `${SHOP_NAME}: shop online`, page: 'home', body });
}
