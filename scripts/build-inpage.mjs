#!/usr/bin/env node
// Build step after tsc: bundles every compiled in-page entry (dist/**/inpage.js) into
// inpage.bundle.js next to it, so an installed shopsim needs no bundler at run time.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const { bundleEntry, BUNDLE_FILE } = await import(path.join(dist, 'src/inpage-bundle.js'));

const entries = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((file) => path.basename(file) === 'inpage.js');
if (!entries.length) {
  console.error('build-inpage: no dist/**/inpage.js; run tsc first (npm run build).');
  process.exit(1);
}
for (const entry of entries) {
  const full = path.join(dist, entry);
  const out = path.join(path.dirname(full), BUNDLE_FILE);
  writeFileSync(out, await bundleEntry(full, entry));
  console.log(`build-inpage: ${path.relative(root, out)}`);
}
