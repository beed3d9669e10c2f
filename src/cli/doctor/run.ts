import { resolveCommandConfig } from '../resolve-config-flags.js';
import { browserChecks, modelChecks, outputCheck, type CheckResult } from './checks.js';

/** Formats one check as `ok       name: detail` or `problem  name: detail\n         fix`. */
export function formatCheck(check: CheckResult): string {
  const head = `${check.ok ? 'ok     ' : 'problem'}  ${check.name}: ${check.detail}`;
  return check.fix ? `${head}\n         -> ${check.fix}` : head;
}

/**
 * Runs every check, prints each (or, with `json`, one `{ok, problems, checks}` object at the
 * end), and returns 1 when any found a problem.
 */
export async function runDoctor(flags: Record<string, unknown>): Promise<number> {
  const config = resolveCommandConfig(flags).values;
  const json = flags.json === true;
  const checks: CheckResult[] = [];
  const print = (results: CheckResult[]) => {
    if (!json) for (const r of results) process.stdout.write(formatCheck(r) + '\n');
    checks.push(...results);
  };
  print(await browserChecks(config.browserPath));
  print(await modelChecks(config));
  print([await outputCheck(config.out)]);
  const problems = checks.filter((c) => !c.ok).length;
  if (json) {
    process.stdout.write(JSON.stringify({ ok: problems === 0, problems, checks }, null, 2) + '\n');
  } else {
    process.stdout.write(
      problems
        ? `\n${problems} problem${problems === 1 ? '' : 's'} found; see the -> lines above.\n`
        : '\nEverything shopsim needs is in place.\n',
    );
  }
  return problems ? 1 : 0;
}
