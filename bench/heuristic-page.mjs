// A large simplified results page for the heuristic benchmark, built directly as an Observation
// (the simplifier's output shape): a header with a search box, then product cards. Half the cards
// share a name prefix per product ("p_12.title_link", "p_12.add_to_cart"); the other half form a
// flat listing whose one product link per card only differs by index ("flat.product_12"), the
// layout whose cards are found by walking the tree. Each card holds four named controls.

const element = (name, kind, text, tag, href = null) => ({
  name,
  kind,
  text,
  tag,
  href,
  value: null,
  checked: null,
  disabled: false,
  inputType: kind === 'text_input' ? 'search' : null,
});

/** An observation with about `count` named elements. */
export function largeResultsPage(count) {
  const cards = Math.max(2, Math.floor((count - 3) / 4));
  const elements = [
    element('header.home', 'link', 'Home', 'a', 'http://shop.test/'),
    element('search_form.search_input', 'text_input', 'Search', 'input'),
    element('header.cart', 'link', 'Cart (0)', 'a', 'http://shop.test/cart'),
  ];
  const html = [
    '<header><a name="header.home">Home</a>',
    '<form><input name="search_form.search_input" type="search" value="trail running shoes"></form>',
    '<a name="header.cart">Cart (0)</a></header>',
    '<main><h1>Results for "trail running shoes"</h1><ul>',
  ];
  for (let i = 0; i < cards; i++) {
    const href = `http://shop.test/product/p-${i}`;
    const title = `Trail Running Shoes Model ${i}`;
    const price = `$${(40 + (i % 90)).toFixed(2)}`;
    const names =
      i % 2 === 0
        ? [`p_${i}.image_link`, `p_${i}.title_link`, `p_${i}.add_to_cart`, `p_${i}.wishlist`]
        : [`flat.compare_${i}`, `flat.product_${i}`, `flat.add_${i}`, `flat.save_${i}`];
    const first = i % 2 === 0 ? element(names[0], 'link', '', 'a', href) : null;
    elements.push(
      first ?? element(names[0], 'button', 'Compare', 'button'),
      element(names[1], 'link', title, 'a', href),
      element(names[2], 'button', 'Add to cart', 'button'),
      element(names[3], 'button', 'Save', 'button'),
    );
    const lead = first
      ? `<a name="${names[0]}"></a>`
      : `<button name="${names[0]}">Compare</button>`;
    html.push(
      `<li>${lead}<h2><a name="${names[1]}">${title}</a></h2>`,
      `by Brand ${i % 17} ${(3 + (i % 20) / 10).toFixed(1)} out of 5 (${i} reviews) ${price}`,
      `<button name="${names[2]}">Add to cart</button><button name="${names[3]}">Save</button></li>`,
    );
  }
  html.push('</ul></main>');
  return {
    url: 'http://shop.test/search?q=trail+running+shoes',
    title: 'Search results',
    html: html.join('\n'),
    elements,
  };
}
