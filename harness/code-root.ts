/**
 * Where the project's own modules and files are, whichever way it runs: from the repository
 * (TypeScript, run by tsx and Playwright) or installed as a package (the JavaScript compiled into
 * dist/, because Node 20 and Playwright load no TypeScript from node_modules). The project's specs,
 * configs and bundled subjects are found here; a team's own files (subject and profile modules,
 * expectations, reports) are resolved against the working directory instead.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);

/** The extension of the project's modules: `.ts` in the repository, `.js` when compiled. */
export const CODE_EXT = extname(HERE);

/** The folder with the rooms (mock-server/, harness/, specs/, conformance/, subjects/) and the runner configs. */
export const CODE_ROOT = dirname(dirname(HERE));

/** The folder with package.json: the repository, or the installed package (dist/'s parent). */
export const PACKAGE_ROOT = existsSync(join(CODE_ROOT, 'package.json')) ? CODE_ROOT : dirname(CODE_ROOT);

/** A module of the project by its path from the code root, without extension: `codeFile('wdio.conf')`. */
export function codeFile(path: string): string {
  return join(CODE_ROOT, `${path}${CODE_EXT}`);
}
