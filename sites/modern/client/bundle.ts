/**
 * Server side: the modern shop's browser code (inpage.ts and its imports in this folder) bundled
 * by esbuild into one script, once per process: from the .ts sources under vitest, from the
 * compiled .js under dist/. Nothing in the bundle imports this file.
 */
import { inPageBundle } from '../../../src/inpage-bundle.js';

export const getClientScript: () => Promise<string> = inPageBundle(
  import.meta.url,
  'modern shop browser code',
);
