import { spawnSync } from 'node:child_process';

/**
 * Some tests run the compiled CLI or spawn processes that import dist/.
 * `npm test` builds (and type-checks) first and sets SHOPSIM_BUILT=1; a bare `npx vitest` builds here:
 * tsc, then the in-page bundles (scripts/build-inpage.mjs), as `npm run build` does.
 * tsc still emits when there are type errors; those fail `npm test`, not this setup.
 */
export default function setup(): void {
  if (process.env.SHOPSIM_BUILT === '1') return;
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(
      `[test setup] tsc reported type errors (dist/ was still written):\n${result.stdout}`,
    );
  }
  const bundles = spawnSync(process.execPath, ['scripts/build-inpage.mjs'], { encoding: 'utf8' });
  if (bundles.status !== 0) {
    throw new Error(`[test setup] bundling the in-page scripts failed:\n${bundles.stderr}`);
  }
}
