/**
 * In-page half of the recorder, bundled by script.ts and installed in every document of the
 * recording (after the simplifier, which defines `__shopsimObserve`). It keeps an up-to-date
 * observation (re-observed when the DOM has been quiet for `quietMs` after a change, at most
 * `maxWaitMs` after the first change), and turns a person's input into recorder events sent
 * through the exposed binding:
 *   - click (trusted, left button) on a named element or inside one -> click, with the page as
 *     observed at pointerdown (before the click's effects); on nothing named -> dropped;
 *   - Enter in a named text field -> type_and_submit with the field's value, with the page as
 *     observed when typing in that field began (so the typed text is not in the observation);
 *   - click on the only submit button of a form whose only text field was edited (a search box
 *     and its button) -> type_and_submit on that field, like Enter;
 *   - a <select> changed -> click on the chosen <option>'s name;
 *   - clicks that only focus a text field or open a list are not actions and are ignored.
 * Each event carries the current values of the page's sensitive fields so the Node side can
 * scrub them; they are never written. Frames are not recorded (clicks inside them neither).
 */
import type { Observation } from '../observe/observation.js';
import { NAME_ATTRIBUTE } from '../observe/name-attribute.js';
import { isSensitiveField, sensitiveValues } from './sensitive.js';
import {
  isSubmitButton,
  isTextEntry,
  labelControl,
  namedTarget,
  RECORD_BINDING,
  soleTextField,
} from './targets.js';

interface RecorderConfig {
  recipe: unknown;
  quietMs: number;
  maxWaitMs: number;
}

interface Snapshot {
  observation: Observation;
  url: string;
}

type Global = typeof globalThis & {
  __shopsimRecorderInstalled?: boolean;
  __shopsimRecorderConfig?: Partial<RecorderConfig>;
  __shopsimObserve?: (options: { recipe: unknown }) => Observation;
} & Record<string, unknown>;

const g = globalThis as Global;

function install(): void {
  const config: RecorderConfig = {
    recipe: null,
    quietMs: 150,
    maxWaitMs: 1000,
    ...g.__shopsimRecorderConfig,
  };
  let latest: Observation | null = null;
  let dirty = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChange = 0;
  let lastSent = '';
  let pending: { target: EventTarget | null; snap: Snapshot } | null = null;
  let forwarded: Element | null = null;
  let implicitSubmit: Element | null = null;
  const typingBase = new WeakMap<Element, Snapshot>();
  const edited = new WeakSet<Element>();

  const now = (): string => new Date().toISOString();
  const send = (payload: Record<string, unknown>): void => {
    const binding = g[RECORD_BINDING];
    if (typeof binding !== 'function') return;
    try {
      const result = (binding as (p: unknown) => unknown)(payload);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // the recorder is gone (window closing): nothing to record to
    }
  };
  const secrets = () => sensitiveValues(document, NAME_ATTRIBUTE);

  const observeNow = (): Observation | null => {
    const observe = g.__shopsimObserve;
    if (typeof observe !== 'function' || !document.body) return latest;
    try {
      latest = observe({ recipe: config.recipe });
      dirty = false;
    } catch {
      // a page the simplifier cannot read right now: keep the last observation
    }
    return latest;
  };
  const snapshot = (fresh: boolean): Snapshot | null => {
    const observation = fresh || dirty || !latest ? observeNow() : latest;
    return observation ? { observation, url: location.href } : null;
  };
  const publish = (): void => {
    timer = null;
    const observation = observeNow();
    if (!observation) return;
    const key = `${observation.url}\n${observation.title}\n${observation.html}`;
    if (key === lastSent) return;
    lastSent = key;
    send({ kind: 'observed', time: now(), observation, sensitive: secrets() });
  };
  const changed = (): void => {
    dirty = true;
    const t = Date.now();
    if (timer === null) firstChange = t;
    else clearTimeout(timer);
    timer = setTimeout(
      publish,
      Math.max(0, Math.min(config.quietMs, firstChange + config.maxWaitMs - t)),
    );
  };
  new MutationObserver((records) => {
    if (records.some((r) => !(r.type === 'attributes' && r.attributeName === NAME_ATTRIBUTE)))
      changed();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', publish);
  // the Node side publishes the latest state before a programmatic stop
  Object.defineProperty(g, '__shopsimRecorderFlush', { value: publish, enumerable: false });
  window.addEventListener('load', changed);
  window.addEventListener('pageshow', changed);

  const nameOf = (el: Element): string | null => el.getAttribute(NAME_ATTRIBUTE);
  const action = (act: Record<string, unknown>, snap: Snapshot, secretTarget: boolean): void => {
    send({
      kind: 'action',
      time: now(),
      url: snap.url,
      action: act,
      secretTarget,
      observation: snap.observation,
      sensitive: secrets(),
    });
  };
  const dropped = (reason: string): void =>
    send({ kind: 'dropped', time: now(), url: location.href, reason });
  const elementOf = (target: EventTarget | null): Element | null =>
    target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const submitText = (field: Element, fallback: Snapshot | null): void => {
    const snap = typingBase.get(field) ?? fallback ?? snapshot(false);
    typingBase.delete(field);
    edited.delete(field);
    const name = nameOf(field);
    if (!snap || !name) return dropped('text submitted in a field without a name');
    const value = (field as HTMLInputElement).value ?? field.textContent ?? '';
    action({ type: 'type_and_submit', name, text: value }, snap, isSensitiveField(field));
    // Enter submits the form through a click on its default button: that click is not the person's
    implicitSubmit = field.closest('form');
    setTimeout(() => (implicitSubmit = null), 0);
  };

  window.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || e.button !== 0) return;
      const snap = snapshot(true);
      pending = snap ? { target: e.target, snap } : null;
      const el = elementOf(e.target);
      if (el?.tagName.toLowerCase() === 'select' && snap) typingBase.set(el, snap);
    },
    true,
  );
  window.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || e.button !== 0) return;
      const el = elementOf(e.target);
      const down = pending;
      pending = null;
      if (forwarded && el === forwarded) {
        forwarded = null; // the browser's click on a label's control: the label click counted
        return;
      }
      const snap =
        down &&
        el &&
        (down.target === el || (down.target instanceof Node && el.contains(down.target)))
          ? down.snap
          : snapshot(true);
      if (implicitSubmit && el && isSubmitButton(el) && el.closest('form') === implicitSubmit) {
        implicitSubmit = null;
        return;
      }
      const named = namedTarget(el, NAME_ATTRIBUTE);
      if (!named || !snap) return dropped('click on an area without a named element');
      const tag = named.tagName.toLowerCase();
      if (isTextEntry(named) || tag === 'select' || (tag === 'option' && named.closest('select')))
        return;
      const label = el?.closest('label');
      if (label && labelControl(label) === named && named !== el) {
        forwarded = named;
        setTimeout(() => (forwarded = null), 0);
      }
      const field = soleTextField(named);
      if (field && edited.has(field) && nameOf(field)) return submitText(field, snap);
      const name = nameOf(named);
      if (name) action({ type: 'click', name }, snap, false);
    },
    true,
  );
  window.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      const el = elementOf(e.target);
      if (!el || !isTextEntry(el)) return;
      if (e.key !== 'Enter' || e.isComposing || el.tagName.toLowerCase() === 'textarea') {
        if (!typingBase.has(el)) {
          const snap = snapshot(false);
          if (snap) typingBase.set(el, snap);
        }
        return;
      }
      submitText(el, null);
    },
    true,
  );
  window.addEventListener(
    'input',
    (e) => {
      const el = elementOf(e.target);
      if (el && isTextEntry(el)) edited.add(el);
    },
    true,
  );
  window.addEventListener(
    'change',
    (e) => {
      const select = elementOf(e.target);
      if (!select || select.tagName.toLowerCase() !== 'select') return;
      const option = (select as HTMLSelectElement).selectedOptions?.[0];
      const name = option ? nameOf(option) : null;
      const snap =
        typingBase.get(select) ?? (latest ? { observation: latest, url: location.href } : null);
      typingBase.delete(select);
      if (!name || !snap) return dropped('choice in a list without named options');
      action({ type: 'click', name }, snap, false);
    },
    true,
  );
}

// Only the top document is recorded: a frame's page is not the page the person is on (and
// payment frames are exactly where secrets are typed).
if (!g.__shopsimRecorderInstalled && window === window.top) {
  g.__shopsimRecorderInstalled = true;
  install();
}
