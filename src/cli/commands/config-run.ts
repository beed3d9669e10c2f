import { envName, type Config } from '../../config.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';

/** Prints the resolved settings and where each came from (or them as JSON with --json). */
export function printConfig(flags: Record<string, unknown>): void {
  const resolved = resolveCommandConfig(flags);
  if (flags.json) {
    process.stdout.write(JSON.stringify(resolved, null, 2) + '\n');
    return;
  }
  const rows = (Object.keys(resolved.values) as (keyof Config)[]).map((key) => {
    const source = resolved.sources[key];
    const where = source === 'env' ? envName(key) : source === 'file' ? resolved.file! : source;
    return [key, JSON.stringify(resolved.values[key]), where];
  });
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  process.stdout.write(
    `Config file: ${resolved.file ?? '(none)'}\n` +
      rows
        .map((r) => `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}`)
        .join('\n') +
      '\n',
  );
}
