import type { Action } from '../action.js';
import type { Observation } from '../observe/observation.js';
import type { Recipe } from '../observe/recipe.js';
import type { TargetBox } from '../traces/schema.js';

/**
 * What the agent loop needs from a browser: the browser layer's BrowserSession provides it.
 * Kept as an interface so the loop does not depend on Playwright.
 */
export interface ShopperSession {
  observe(): Promise<Observation>;
  /**
   * Throws an ActionError subclass when the action cannot be carried out. `settleMs`: how long of
   * it was spent waiting for the page to settle after acting, when the session measures that.
   */
  execute(action: Action): Promise<{ urlAfter: string; settleMs?: number }>;
  screenshot(file: string): Promise<string>;
  /**
   * Opens a named group in the session's Playwright trace, when it records one (every browser
   * call until endStep belongs to it). Optional: sessions without a trace leave both out.
   */
  beginStep?(label: string): Promise<void>;
  endStep?(): Promise<void>;
  /** Where the action's target is drawn in the viewport (scrolled into view); optional. */
  targetBox?(action: Action): Promise<TargetBox | null>;
  /** The session ended by itself (the last tab closed). */
  readonly closed: boolean;
  close(): Promise<void>;
}

export type OpenShopperSession = (
  startUrl: string,
  recipe: Recipe | null,
  timeoutMs: number,
) => Promise<ShopperSession>;
