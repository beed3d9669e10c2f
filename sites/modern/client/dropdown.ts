/**
 * A custom select (Radix / Base UI style): a button with aria-haspopup="listbox" that opens a
 * role=listbox of role=option items. No native <select>.
 */
import { $, $$, html, on, raw, setHtml, useId } from './dom.js';
import { ICONS } from './icons.js';

export interface DropdownOption {
  value: string;
  label: string;
  /** Shown after the label, e.g. "Sold out" or "+$20.00". */
  note: string;
  disabled: boolean;
}

export interface DropdownConfig {
  label: string;
  placeholder: string;
  options: DropdownOption[];
  value: string | null;
  /** The label is for screen readers only (e.g. "Sort by" next to a visible heading). */
  labelHidden?: boolean;
  onChange(value: string): void;
}

export interface Dropdown {
  value(): string | null;
  /** Shows a message under the field and marks it invalid; null clears it. */
  setError(message: string | null): void;
}

export function createDropdown(container: HTMLElement, config: DropdownConfig): Dropdown {
  const labelId = useId();
  const buttonId = useId('base-ui-');
  const listId = useId('base-ui-');
  const errorId = useId();
  let value = config.value;
  let highlighted = -1;
  const selected = () => config.options.find((o) => o.value === value) ?? null;
  setHtml(
    container,
    html`<div class="relative flex flex-col gap-1.5">
      <span
        id="${labelId}"
        class="${config.labelHidden ? 'sr-only' : 'text-sm font-medium text-neutral-900'}"
        >${config.label}</span
      >
      <button
        type="button"
        id="${buttonId}"
        aria-haspopup="listbox"
        aria-expanded="false"
        aria-labelledby="${labelId} ${buttonId}"
        aria-controls="${listId}"
        data-state="closed"
        class="flex h-11 w-full items-center justify-between gap-2 rounded-lg border border-neutral-300 bg-white px-3 text-left text-sm hover:border-neutral-400 aria-[invalid=true]:border-red-600"
      >
        <span class="truncate" data-display>${selected()?.label ?? config.placeholder}</span
        >${raw(ICONS.chevronDown)}
      </button>
      <ul
        role="listbox"
        id="${listId}"
        aria-labelledby="${labelId}"
        tabindex="-1"
        hidden
        class="absolute inset-x-0 top-full z-20 mt-1 max-h-64 overflow-auto rounded-lg border border-neutral-200 bg-white py-1 shadow-lg outline-none"
      >
        ${config.options.map(
          (o) =>
            html`<li
              role="option"
              id="${useId('base-ui-')}"
              aria-selected="${o.value === value}"
              ${o.disabled ? raw('aria-disabled="true"') : null}
              class="flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm data-[highlighted]:bg-neutral-100 aria-disabled:cursor-not-allowed aria-disabled:text-neutral-400"
            >
              <span>${o.label}</span
              >${o.note ? html`<span class="text-xs text-neutral-500">${o.note}</span>` : null}
            </li>`,
        )}
      </ul>
      <p id="${errorId}" class="text-sm text-red-600" hidden></p>
    </div>`,
  );
  const button = $<HTMLButtonElement>(container, 'button[aria-haspopup]');
  const list = $(container, '[role=listbox]');
  const items = $$(list, '[role=option]');
  const error = $(container, `p[id="${errorId}"]`);

  const highlight = (index: number) => {
    highlighted = index;
    items.forEach((item, i) => {
      if (i === index) item.dataset.highlighted = '';
      else delete item.dataset.highlighted;
    });
    if (items[index]) {
      list.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    }
  };
  const setOpen = (open: boolean) => {
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.dataset.state = open ? 'open' : 'closed';
    if (open) {
      highlight(
        Math.max(
          0,
          config.options.findIndex((o) => o.value === value),
        ),
      );
      list.focus();
    }
  };
  const choose = (index: number) => {
    const option = config.options[index];
    if (!option || option.disabled) return;
    value = option.value;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
    $(button, '[data-display]').textContent = option.label;
    setOpen(false);
    button.focus();
    config.onChange(option.value);
  };
  const move = (step: number) => {
    for (let i = 1; i <= items.length; i++) {
      const next = (highlighted + step * i + items.length * i) % items.length;
      if (!config.options[next]!.disabled) return highlight(next);
    }
  };

  on(button, 'click', () => setOpen(list.hidden));
  on(button, 'keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
    }
  });
  items.forEach((item, i) => on(item, 'click', () => choose(i)));
  on(list, 'keydown', (event) => {
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter' || event.key === ' ') choose(highlighted);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.focus();
      return;
    } else return;
    event.preventDefault();
  });
  on(document, 'pointerdown', (event) => {
    if (!list.hidden && !container.contains(event.target as Node)) setOpen(false);
  });

  return {
    value: () => value,
    setError(message) {
      error.hidden = !message;
      error.textContent = message ?? '';
      if (message) {
        button.setAttribute('aria-invalid', 'true');
        button.setAttribute('aria-describedby', errorId);
      } else {
        button.removeAttribute('aria-invalid');
        button.removeAttribute('aria-describedby');
      }
    },
  };
}
