import type { Locator } from 'playwright';

/**
 * A control that only shows while an ancestor is hovered (a card's quick-add button) is reached
 * the way a person's pointer reaches it: move over the ancestor first. Finds the nearest ancestor
 * that is drawn (not opacity:0 / visibility:hidden), scrolls it into view and moves the mouse to
 * its centre. Does nothing (false) when the element is already drawn.
 */
export async function pointAtRevealingAncestor(
  locator: Locator,
  timeoutMs: number,
): Promise<boolean> {
  const box = await locator.evaluate(
    (el) => {
      const hidden = (e: Element): boolean => {
        const s = getComputedStyle(e);
        return s.visibility === 'hidden' || s.visibility === 'collapse' || Number(s.opacity) === 0;
      };
      // the outermost hidden box: opacity is not inherited, so any hidden ancestor hides el
      let hiddenBox: Element | null = null;
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        if (hidden(a)) hiddenBox = a;
      }
      if (!hiddenBox) return null;
      const host = hiddenBox.parentElement;
      if (!host) return null;
      host.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = host.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    undefined,
    { timeout: timeoutMs },
  );
  if (!box) return false;
  await locator.page().mouse.move(box.x, box.y);
  return true;
}
