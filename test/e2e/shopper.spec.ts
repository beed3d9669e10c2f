import { expect, test } from 'shopsim/test';

// The `shopsim/test` fixture as a team would use it (through the package's exports, so the
// build comes first): a simulated shopper on the bundled shop, in this test's browser.
// scripts/check-e2e-report.mjs then checks that the reports hold its attachments.
test('a budget shopper completes checkout on the bundled shop', async ({ shopper }) => {
  const result = await shopper.run({
    persona: 'teen-hoodie-zoe',
    site: 'builtin',
    model: 'heuristic',
    maxSteps: 12,
  });
  expect(result.outcome).toBe('purchase');
  expect(result.orderId).toMatch(/^ORD-/);
  expect(result.orderConfirmed).toBe(true);
  expect(result.screenshots.length).toBe(result.steps);
  expect(test.info().attachments.map((a) => a.name)).toEqual([
    `${result.sessionId}.jsonl`,
    `${result.sessionId} timeline.txt`,
    ...result.screenshots.map(
      (_, i) => `${result.sessionId} step-${String(i).padStart(3, '0')}.png`,
    ),
  ]);
});
