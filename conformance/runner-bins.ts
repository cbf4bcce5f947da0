import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The script of a runner's command-line tool, found the way this project's own imports find the
 * package (its node_modules, or the team's when npm hoisted it), never through the working
 * directory's `npx`: installed as a package, the run uses the runners it was installed with.
 */
export function runnerBin(packageName: string, binName: string): string {
  let dir = dirname(require.resolve(packageName));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== packageName) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${packageName} is installed without its package.json; reinstall the project's dependencies (npm ci)`);
    dir = parent;
  }
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const script = typeof bin === 'string' ? bin : bin?.[binName];
  if (!script) throw new Error(`${packageName} has no "${binName}" command; reinstall the project's dependencies (npm ci)`);
  return join(dir, script);
}
