// Cartwheel page script. Enhancements only: every page also works as plain links and forms.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var money = function (cents) {
    return '$' + (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };

  // Search filters: apply as soon as a brand box or rating changes; leave empty fields out of the URL.
  var filterForm = $('filter_form');
  if (filterForm) {
    filterForm.addEventListener('change', function (event) {
      var type = event.target.type;
      if (type === 'checkbox' || type === 'radio') filterForm.requestSubmit();
    });
    filterForm.addEventListener('submit', function () {
      Array.prototype.forEach.call(filterForm.elements, function (el) {
        if (el.name && el.value === '' && el.type !== 'submit') el.disabled = true;
      });
    });
  }

  // Product page: option picker updates price, stock note, quantity limit, image and buttons.
  var dataNode = $('product_data');
  var form = $('product_form');
  if (dataNode && form) {
    var info = JSON.parse(dataNode.textContent);
    var quantity = $('quantity');
    var update = function () {
      var price = info.price;
      var stock = info.groups.length ? Infinity : info.stock;
      var ok = true;
      info.groups.forEach(function (group) {
        var input = form.querySelector('input[name="opt_' + group.key + '"]:checked');
        var option = input && group.options.find(function (o) { return o.slug === input.value; });
        if (!option || option.stock <= 0) { ok = false; return; }
        price += option.delta;
        stock = Math.min(stock, option.stock);
      });
      if (stock <= 0) ok = false;
      $('product_price').textContent = money(price);
      var note = $('stock_note');
      note.textContent = !ok ? 'Out of stock' : stock <= 4 ? 'Only ' + stock + ' left in stock - order soon.' : 'In stock';
      note.className = !ok ? 'no-stock' : stock <= 4 ? 'low-stock' : 'in-stock';
      var max = ok ? Math.min(stock, info.maxQuantity) : 1;
      quantity.max = String(max);
      if (Number(quantity.value) > max) quantity.value = String(max);
      $('add_to_cart').disabled = !ok;
      $('buy_now').disabled = !ok;
      form.querySelectorAll('label.choice').forEach(function (label) {
        var input = label.querySelector('input');
        label.classList.toggle('is-selected', input.checked);
      });
      var color = form.querySelector('input[name="opt_color"]:checked');
      var image = $('product_image');
      if (color && image) image.src = image.src.replace(/(\?.*)?$/, '?color=' + color.value);
    };
    form.addEventListener('change', update);
    ['quantity_decrease', 'quantity_increase'].forEach(function (id, i) {
      var button = $(id);
      button.hidden = false;
      button.addEventListener('click', function () {
        var next = (Number(quantity.value) || 1) + (i === 0 ? -1 : 1);
        quantity.value = String(Math.max(1, Math.min(Number(quantity.max) || 1, next)));
      });
    });
    // Enter in the quantity box adds to the cart in both variants (not the first button, Buy now in b).
    quantity.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        form.requestSubmit($('add_to_cart'));
      }
    });
  }

  // Variant b: reviews open and page in place, without reloading the product page.
  var reviews = $('reviews');
  if (reviews && reviews.dataset.collapsible === 'true') {
    var toggle = $('show_reviews');
    var toggleForm = $('show_reviews_form');
    var container = $('review_list_container');
    toggleForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var open = container.hidden;
      container.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? 'Hide reviews' : 'Show reviews (' + toggle.dataset.count + ')';
      toggleForm.querySelector('input[name="reviews"]').value = open ? 'closed' : 'open';
    });
    container.addEventListener('click', function (event) {
      var link = event.target.closest('a.review-page-link');
      if (!link) return;
      event.preventDefault();
      fetch(reviews.dataset.reviewsUrl + '?page=' + link.dataset.page, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.text();
        })
        .then(function (markup) {
          container.innerHTML = markup;
          reviews.scrollIntoView();
        })
        .catch(function () { window.location.href = link.href; });
    });
  }
})();
