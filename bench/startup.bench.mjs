// Start-up time of the CLI: `node bin/shopsim.js --version`, wall clock, against a bare
// `node -e ""` on the same machine. Each command loads its modules only when it runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatNumber, median } from './lib.mjs';

export const title = 'CLI start-up (shopsim --version)';

const TARGET_SECONDS = 0.2;
const RUNS = 7;
const BIN = fileURLToPath(new URL('../bin/shopsim.js', import.meta.url));

function seconds(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}

export async function run() {
  const bare = seconds(['-e', '']);
  const version = seconds([BIN, '--version']);
  console.log(`node -e '' (no shopsim):      ${formatNumber(bare, 3)} s (median of ${RUNS})`);
  console.log(
    `shopsim --version:            ${formatNumber(version, 3)} s ` +
      `(<= ${TARGET_SECONDS} s: ${version <= TARGET_SECONDS ? 'met' : 'MISSED'})`,
  );
  // on a loaded machine node itself is slow; what shopsim adds is the difference
  console.log(`shopsim's own share:          ${formatNumber(version - bare, 3)} s`);
}
