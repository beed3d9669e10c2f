import { UsageError } from '../errors.js';
import { createRun, readRunInfo } from '../traces/run.js';
import { RunInfo, TRACE_SCHEMA_VERSION } from '../traces/schema.js';
import { SHOPSIM_VERSION } from '../version.js';
import { existingRunError, isRunFolder } from './resume.js';
import { checkResumable } from './run-settings.js';

/** What run.json records about a run besides its id, time and version. */
export type RunSettings = Omit<
  RunInfo,
  'schema_version' | 'run_id' | 'created_at' | 'shopsim_version'
>;

/**
 * A new run folder for `settings` (in `out`, or a new one under `baseDir`), or with `resume` the
 * existing `out` after checking that it was started with the same settings (run.json is left as
 * it was). An `out` that already holds a run is refused without `resume`. Used by `simulate` and
 * `ab` (whose arm folders sit inside the run folder).
 */
export async function openRunFolder(
  out: string | null | undefined,
  resume: boolean,
  settings: RunSettings,
  baseDir?: string,
): Promise<{ dir: string; id: string }> {
  if (resume) {
    if (!out || !(await isRunFolder(out))) {
      throw new UsageError(
        `--resume continues the run in an existing --out folder; ${out ?? 'no --out was given'}` +
          `${out ? ' holds no run.json' : ''}. Give --out <run folder>, or drop --resume to start a new run.`,
      );
    }
    const existing = await readRunInfo(out);
    const wanted = RunInfo.parse({
      ...settings,
      schema_version: TRACE_SCHEMA_VERSION,
      run_id: existing.run_id,
      created_at: existing.created_at,
      shopsim_version: SHOPSIM_VERSION,
    });
    checkResumable(out, existing, wanted);
    return { dir: out, id: existing.run_id };
  }
  if (out && (await isRunFolder(out))) throw existingRunError(out);
  const created = await createRun({ ...settings, out, baseDir });
  return { dir: created.dir, id: created.info.run_id };
}

/** `--resume` names the run to continue with `--out`: checked before anything starts. */
export function checkResumeOut(resume: boolean | undefined, out: string | null | undefined) {
  if (resume && !out) {
    throw new UsageError(
      '--resume continues the run in an existing folder: give it with --out <run folder>.',
    );
  }
}
