/** Where runs go when no --out is given, relative to the working directory. */
export const DEFAULT_TRACES_DIR = 'traces';
