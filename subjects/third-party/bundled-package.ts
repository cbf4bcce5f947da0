import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../harness/code-root.ts';

/**
 * The version of an npm package as installed in node_modules: a subject's id carries the version
 * actually bundled, not the one someone meant to pin. (Read from the folder, because the packages'
 * `exports` maps hide their package.json from `require.resolve`.)
 */
export function installedVersion(packageName: string): string {
  const file = join(PACKAGE_ROOT, 'node_modules', packageName, 'package.json');
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch (error) {
    throw new Error(`${packageName} is not installed (${file}: ${(error as Error).message}); run npm ci in the repository`);
  }
}
