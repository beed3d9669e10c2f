import { writeHtmlReport } from '../../report/html/write-index.js';
import { resolveCommandConfig } from '../resolve-config-flags.js';

export interface ReportFlags {
  out?: string;
  json?: boolean;
  config?: string;
}

/** Runs `shopsim report`: the HTML report of a run or result, priced at the configured table. */
export async function reportCommand(target: string, flags: ReportFlags): Promise<string> {
  const { prices } = resolveCommandConfig({ ...flags }).values;
  const file = await writeHtmlReport(target, { out: flags.out ?? null, prices });
  process.stdout.write(flags.json ? JSON.stringify({ report: file }) + '\n' : `Report: ${file}\n`);
  return file;
}
