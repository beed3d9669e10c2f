import type { Linter } from 'eslint';

/** Flat-config entries enforcing the import boundaries, one per top-level folder of src/. */
export function boundaryConfigs(folders: string[]): Linter.Config[];
