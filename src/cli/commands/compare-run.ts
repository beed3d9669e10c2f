import path from 'node:path';
import { comparePopulations, type CompareResult } from '../../eval/compare/compare.js';
import { renderCompareReport } from '../../eval/compare/compare-report.js';
import { fixed } from '../../report/format.js';
import { writeHtmlReportQuietly } from '../../report/html/write-index.js';
import { writeReport } from '../../report/write.js';
import { readTraces } from '../../traces/reader.js';
import { DEFAULT_TRACES_DIR, newRunId } from '../../traces/run.js';

export interface CompareFlags {
  out?: string;
  json?: boolean;
}

export async function compareCommand(
  simulated: string,
  human: string,
  flags: CompareFlags,
): Promise<CompareResult> {
  const [simTraces, humanTraces] = await Promise.all([readTraces(simulated), readTraces(human)]);
  const outDir = flags.out ?? path.join(DEFAULT_TRACES_DIR, newRunId('compare'));
  const result = comparePopulations(
    { path: path.resolve(simulated), traces: simTraces },
    { path: path.resolve(human), traces: humanTraces },
    outDir,
  );
  const files = await writeReport(outDir, 'compare', {
    json: result,
    markdown: renderCompareReport(result),
  });
  const page = await writeHtmlReportQuietly(outDir);
  if (flags.json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    const lines = result.dimensions.map(
      (d) => `${d.label.padEnd(46)} ${fixed(d.distance).padStart(6)}  ${d.verdict ?? 'n/a'}`,
    );
    process.stdout.write(
      [
        `${result.simulated.sessions} simulated vs ${result.human.sessions} human sessions`,
        ...lines,
        `Report: ${files.markdown}${page ? ` and ${page}` : ''}`,
        '',
      ].join('\n'),
    );
  }
  return result;
}
