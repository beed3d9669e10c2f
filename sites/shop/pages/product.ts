import type { Product } from '../catalog/types.js';
import { buyBox } from './buy-box.js';
import type { PageContext } from './context.js';
import { formatCount, stars } from './format.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';
import { reviewsSection, type ReviewView } from './reviews.js';

/**
 * /product/<id>: nav#breadcrumb, img#product_image, section#product_details (h1#product_title,
 * a#brand_link, a#ratings_link, ul#feature_list), aside#buy_box (see buy-box.ts), section#reviews.
 * Variant buy-below stacks the page in one column and puts section#product_story (the long
 * description) before the buy box, which so starts below the first screen.
 */
export function productPage(ctx: PageContext, product: Product, view: ReviewView): Html {
  const category = ctx.catalog.categories.find((c) => c.slug === product.category)!;
  const colorGroup = product.optionGroups.find((g) => g.key === 'color');
  const firstColor = colorGroup?.options.find((o) => o.stock > 0)?.slug;
  const stacked = ctx.variant === 'buy-below';
  const body = html`<nav id="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li><a href="/">Home</a></li>
        <li><a href="/category/${category.slug}">${category.name}</a></li>
        <li aria-current="page">${product.productType}</li>
      </ol>
    </nav>
    <div class="product-layout${stacked ? ' stacked' : ''}">
      <div class="gallery">
        <img
          id="product_image"
          src="/images/${product.id}.svg${firstColor ? `?color=${firstColor}` : ''}"
          alt="${product.title}"
          width="400"
          height="400"
        />
      </div>
      <section id="product_details">
        <p class="brand-line">
          Brand:
          <a
            id="brand_link"
            href="/search?brand=${product.brandSlug}&amp;category=${product.category}"
            >${product.brand}</a
          >
        </p>
        <h1 id="product_title">${product.title}</h1>
        <p class="rating-summary">
          ${stars(product.rating)} ${product.rating.toFixed(1)}
          <a id="ratings_link" href="#reviews">${formatCount(product.ratingCount)} ratings</a>
        </p>
        <h2>About this item</h2>
        <ul id="feature_list">
          ${product.features.map((f) => html`<li>${f}</li>`)}
        </ul>
        <p class="description">${product.description}</p>
        ${stacked ? productStory(product) : null}
      </section>
      ${buyBox(product, ctx.variant)}
    </div>
    ${reviewsSection(product, ctx.variant, view)}`;
  return layout(ctx, { title: product.title, page: 'product', body });
}

/** The long description of variant buy-below: what the product is, how it is made, care. */
function productStory(product: Product): Html {
  return html`<section id="product_story">
    <h2>The story behind the ${product.productType.toLowerCase()}</h2>
    <p>
      ${product.brand} designed the ${product.title} for everyday use. ${product.description} Every
      detail was chosen with care: ${product.features.join('; ').toLowerCase()}.
    </p>
    <p>
      Each unit is checked by hand before it leaves the warehouse, and the materials were picked to
      last through years of regular use. Our customer team tested it side by side with similar
      products at different prices, and we only list it because it held its own on build, comfort
      and value.
    </p>
    <p>
      Care is simple: wipe with a soft dry cloth, keep it away from direct heat, and store it in a
      dry place. Packaging is recyclable. The manufacturer's warranty covers defects in materials
      and workmanship; keep your order confirmation as proof of purchase.
    </p>
  </section>`;
}
