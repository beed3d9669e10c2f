import { readFileSync } from 'node:fs';

/** The package root, whether running from src/ (tests) or dist/src/ (built CLI). */
export const PACKAGE_ROOT = findPackageRoot();

function findPackageRoot(): string {
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
      };
      if (pkg.name === 'shopsim') return decodeURIComponent(dir.pathname);
    } catch {
      // not here; look one level up
    }
    dir = new URL('..', dir);
  }
  throw new Error('cannot find the shopsim package.json above ' + import.meta.url);
}

export const SHOPSIM_VERSION: string = (
  JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }
).version;
