#!/usr/bin/env node
// The shopsim command. Runs the compiled CLI (npm install / npm run build compile it).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    'shopsim is not built yet: run `npm install` (or `npm run build`) in the shopsim folder.',
  );
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
