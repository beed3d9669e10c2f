// Checks, after `playwright test`, that the shopsim/test fixture's attachments (trace, rationale
// timeline, one screenshot per step) are in the JSON report and in the HTML report's data folder
// (which stores each attached file as <sha1 of its bytes><extension>). Exits 1 with what is missing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const JSON_REPORT = 'test-results/e2e-report.json';
const HTML_DATA = 'playwright-report/data';
const SPEC = 'shopper.spec.ts';

const problems = [];
if (!existsSync(JSON_REPORT)) {
  console.error(`check-e2e-report: ${JSON_REPORT} is missing; run \`npx playwright test\` first.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8'));

/** Every result of every test in the spec file, through nested suites. */
function resultsIn(suites, file) {
  const found = [];
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      if (path.basename(spec.file ?? suite.file ?? '') !== file) continue;
      for (const test of spec.tests) found.push(...test.results.map((r) => ({ spec, r })));
    }
    found.push(...resultsIn(suite.suites, file));
  }
  return found;
}

const results = resultsIn(report.suites, SPEC);
if (results.length === 0) problems.push(`no results for ${SPEC} in ${JSON_REPORT}`);
for (const { spec, r } of results) {
  const where = `${spec.title} (${r.status})`;
  const names = r.attachments.map((a) => a.name);
  const trace = names.find((n) => n.endsWith('.jsonl'));
  const timeline = names.find((n) => n.endsWith(' timeline.txt'));
  const shots = names.filter((n) => / step-\d{3}\.png$/.test(n));
  if (!trace) problems.push(`${where}: no trace (.jsonl) attachment; has ${names.join(', ')}`);
  if (!timeline) problems.push(`${where}: no rationale timeline attachment`);
  if (shots.length === 0) problems.push(`${where}: no screenshot attachments`);
  for (const a of r.attachments) {
    if (!a.path || !existsSync(a.path)) {
      problems.push(`${where}: attachment ${a.name} has no file (${a.path ?? 'inline body'})`);
      continue;
    }
    const bytes = readFileSync(a.path);
    const inHtml = `${createHash('sha1').update(bytes).digest('hex')}${path.extname(a.path)}`;
    if (!existsSync(path.join(HTML_DATA, inHtml))) {
      problems.push(`${where}: ${a.name} is not in the HTML report (${HTML_DATA}/${inHtml})`);
    }
    if (a.name === timeline && !/^end: /m.test(bytes.toString('utf8'))) {
      problems.push(`${where}: the timeline has no end line`);
    }
  }
}
if (problems.length) {
  console.error(
    `check-e2e-report: the Playwright reports lack shopsim attachments:\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  `check-e2e-report: ${results.length} ${SPEC} result(s) with trace, timeline and screenshots in the JSON and HTML reports.`,
);
