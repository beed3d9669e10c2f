#!/usr/bin/env node
// Runs the benchmarks: every bench/*.bench.mjs, in name order, against the compiled code in dist/
// (`npm run bench` builds first). `node bench/run.mjs observe` runs only the files whose name
// contains one of the arguments. A benchmark module exports `title` and `run()`; it prints its
// own tables. Speed targets live here, never as timed assertions in tests.
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => !filters.length || filters.some((f) => file.includes(f)))
  .sort();
if (!files.length) {
  console.error(`no benchmark matches ${filters.join(', ')}; files are bench/*.bench.mjs`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const bench = await import(new URL(file, dir).href);
  console.log(`\n## ${bench.title ?? file}\n`);
  const started = performance.now();
  try {
    await bench.run();
  } catch (error) {
    failed++;
    console.error(`${file} failed: ${error?.stack ?? error}`);
  }
  console.log(`\n(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
