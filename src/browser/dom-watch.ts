import { NAME_ATTRIBUTE } from '../observe/observation.js';

/**
 * Installed into every document of a session (context.addInitScript), before the page's own
 * scripts. It counts DOM mutations (ignoring our own name attribute) and remembers when the last
 * one happened, so the session can (1) wait for the DOM to go quiet after an action and (2) tell
 * whether the page changed since the last observation, in which case names are re-marked before
 * an action is resolved. `flush()` processes records the observer has not delivered yet.
 * It also counts window.open() calls, so an action that opens a tab by script is waited for, and
 * the page's own fetch() and XMLHttpRequest calls still unanswered: the page knows of a request
 * the moment it makes it, and counts it done only once its handlers had a turn to render the
 * answer, whereas the browser may report it (to the network tracker) late on a busy machine.
 */
export const DOM_WATCH_SCRIPT = `(() => {
  if (globalThis.__shopsimDom) return;
  const NAME = ${JSON.stringify(NAME_ATTRIBUTE)};
  const state = {
    id: Math.random().toString(36).slice(2) + Date.now().toString(36),
    mutations: 0,
    last: Date.now(),
    opened: 0,
    requests: 0,
    flush: () => handle(observer.takeRecords()),
  };
  function handle(records) {
    for (const record of records) {
      if (record.type === 'attributes' && record.attributeName === NAME) continue;
      state.mutations++;
      state.last = Date.now();
    }
  }
  const open = window.open;
  window.open = function (...args) {
    state.opened++;
    return open.apply(this, args);
  };
  // after the page's own handlers of the answer, which were attached after ours
  const answered = () =>
    setTimeout(() => {
      state.requests--;
      state.last = Date.now();
    }, 0);
  const fetch = globalThis.fetch;
  if (typeof fetch === 'function') {
    globalThis.fetch = function (...args) {
      const request = fetch.apply(globalThis, args);
      state.requests++;
      request.then(answered, answered);
      return request;
    };
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    const done = () => answered();
    state.requests++;
    this.addEventListener('loadend', done, { once: true });
    try {
      return send.apply(this, args);
    } catch (error) {
      this.removeEventListener('loadend', done);
      state.requests--;
      throw error;
    }
  };
  const observer = new MutationObserver(handle);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  Object.defineProperty(globalThis, '__shopsimDom', { value: state, enumerable: false });
})();`;

/** Identifies one state of one document: a new document or any DOM change gives a new stamp. */
export interface DomStamp {
  id: string;
  mutations: number;
}

/** In-page: the current stamp, or null when the watcher is missing (treated as "changed"). */
export function readDomStamp(): DomStamp | null {
  const state = (globalThis as { __shopsimDom?: DomStamp & { flush(): void } }).__shopsimDom;
  if (!state) return null;
  state.flush();
  return { id: state.id, mutations: state.mutations };
}

export function sameStamp(a: DomStamp | null, b: DomStamp | null): boolean {
  return !!a && !!b && a.id === b.id && a.mutations === b.mutations;
}

/** In-page: how many times the document called window.open(). */
export function readOpenCount(): number {
  return (globalThis as { __shopsimDom?: { opened: number } }).__shopsimDom?.opened ?? 0;
}
