/** The cookie-consent banner (until answered) and the newsletter offer (once per visitor). */
import {
  $,
  html,
  lockScroll,
  on,
  portal,
  raw,
  readCookie,
  setHtml,
  useId,
  writeCookie,
} from './dom.js';
import { ICONS } from './icons.js';

export const CONSENT_COOKIE = 'nf_consent';
export const NEWSLETTER_COOKIE = 'nf_newsletter_seen';

/** Shows the banner fixed over the bottom of the page unless the visitor already chose. */
export function installCookieBanner(): void {
  if (readCookie(CONSENT_COOKIE)) return;
  const titleId = useId();
  const banner = portal(
    html`<div
      role="dialog"
      aria-live="polite"
      aria-labelledby="${titleId}"
      class="fixed inset-x-0 bottom-0 z-40 border-t border-neutral-200 bg-white px-4 py-6 shadow-[0_-8px_30px_rgba(0,0,0,0.12)] sm:px-8"
    >
      <div class="mx-auto flex max-w-7xl flex-col gap-4 md:flex-row md:items-center">
        <div class="flex-1 text-sm text-neutral-700">
          <p id="${titleId}" class="text-base font-semibold text-neutral-900">
            We value your privacy
          </p>
          <p class="mt-1">
            We use cookies to improve your experience, personalise content and ads, and analyse our
            traffic. You can accept all cookies or reject the ones that are not necessary.
          </p>
        </div>
        <div class="flex shrink-0 gap-3">
          <button
            type="button"
            data-choice="rejected"
            class="h-11 rounded-full border border-neutral-300 px-5 text-sm font-semibold hover:bg-neutral-50"
          >
            Reject all
          </button>
          <button
            type="button"
            data-choice="accepted"
            class="h-11 rounded-full bg-neutral-900 px-5 text-sm font-semibold text-white hover:bg-neutral-700"
          >
            Accept all
          </button>
        </div>
      </div>
    </div>`,
    'onetrust-consent-sdk',
  );
  for (const button of banner.querySelectorAll<HTMLElement>('[data-choice]')) {
    on(button, 'click', () => {
      writeCookie(CONSENT_COOKIE, button.dataset.choice!);
      banner.remove();
    });
  }
}

/** Opens the newsletter modal `delayMs` after the first page load, once per visitor. */
export function scheduleNewsletter(delayMs: number): void {
  if (readCookie(NEWSLETTER_COOKIE)) return;
  setTimeout(() => {
    if (readCookie(NEWSLETTER_COOKIE)) return;
    writeCookie(NEWSLETTER_COOKIE, '1');
    openNewsletter();
  }, delayMs);
}

function openNewsletter(): void {
  const titleId = useId();
  const inputId = useId();
  const layer = portal(
    html`<div
      role="dialog"
      aria-modal="true"
      aria-labelledby="${titleId}"
      class="fixed inset-0 z-[55] flex items-center justify-center p-4"
    >
      <div class="fixed inset-0 bg-neutral-950/60" aria-hidden="true" data-backdrop></div>
      <div class="relative w-full max-w-md rounded-2xl bg-white p-8 shadow-2xl">
        <button
          type="button"
          data-close
          class="absolute right-3 top-3 inline-flex size-10 items-center justify-center rounded-full hover:bg-neutral-100"
        >
          ${raw(ICONS.close)}<span class="sr-only">Close</span>
        </button>
        <div data-body class="flex flex-col gap-4">
          <h2 id="${titleId}" class="text-2xl font-semibold tracking-tight">
            Get 10% off your first order
          </h2>
          <p class="text-sm text-neutral-600">
            Join our newsletter for early access to new arrivals and members-only offers.
          </p>
          <form class="flex flex-col gap-3" novalidate>
            <label for="${inputId}" class="sr-only">Email address</label>
            <input
              id="${inputId}"
              type="email"
              placeholder="you@example.com"
              autocomplete="email"
              class="h-11 rounded-lg border border-neutral-300 px-3 text-sm"
            />
            <button
              type="submit"
              class="h-11 rounded-full bg-neutral-900 text-sm font-semibold text-white"
            >
              Subscribe
            </button>
          </form>
          <button
            type="button"
            data-close
            class="text-sm text-neutral-500 underline-offset-4 hover:underline"
          >
            No thanks
          </button>
        </div>
      </div>
    </div>`,
    'klaviyo-form-portal',
  );
  lockScroll(true);
  const close = () => {
    if (!layer.isConnected) return;
    layer.remove();
    lockScroll(false);
  };
  for (const button of layer.querySelectorAll<HTMLElement>('[data-close]'))
    on(button, 'click', close);
  on($(layer, '[data-backdrop]'), 'click', close);
  on(document, 'keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  const form = $<HTMLFormElement>(layer, 'form');
  on(form, 'submit', (event) => {
    event.preventDefault();
    const email = $<HTMLInputElement>(form, 'input').value.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      $<HTMLInputElement>(form, 'input').setAttribute('aria-invalid', 'true');
      return;
    }
    setHtml(
      $(layer, '[data-body]'),
      html`<h2 id="${titleId}" class="text-2xl font-semibold">You’re in!</h2>
        <p class="text-sm text-neutral-600">Check your inbox for your 10% code.</p>`,
    );
    setTimeout(close, 1500);
  });
}
