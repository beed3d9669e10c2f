import path from 'node:path';
import { clearAllBut, finishedSessions } from '../agent/resume.js';
import { sessionFileName } from '../traces/run.js';
import type { PairJob } from './pairs.js';

/** A pair both of whose sessions ran: its trace files, control first. */
export interface FinishedPair {
  job: PairJob;
  files: [string, string];
}

/**
 * `ab --resume`: the pairs of `pairs` whose sessions finished in both arm folders (an end line
 * whose outcome is not `interrupted`, as for `simulate --resume`), in plan order; their traces
 * are kept byte for byte. Every other pair runs again as a whole: its sessions' partial traces
 * are set aside in both arms, even one arm's finished trace, so both arms run in the same run.
 */
export async function keptPairs(
  pairs: readonly PairJob[],
  armDirs: readonly [string, string],
): Promise<FinishedPair[]> {
  const [control, treatment] = await Promise.all(armDirs.map((dir) => finishedSessions(dir)));
  const both = new Set(
    pairs.map((p) => p.pairId).filter((id) => control!.has(id) && treatment!.has(id)),
  );
  for (const dir of armDirs)
    await clearAllBut(
      dir,
      pairs.map((p) => p.pairId),
      both,
    );
  return pairs
    .filter((p) => both.has(p.pairId))
    .map((job) => ({
      job,
      files: [
        path.join(armDirs[0], sessionFileName(job.pairId)),
        path.join(armDirs[1], sessionFileName(job.pairId)),
      ],
    }));
}
