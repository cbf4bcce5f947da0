import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOMS = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Where the run's own files (the CA) live: the repository when run from it; when installed as a
 * package (this file then sits in node_modules/…/dist/proxy/), the team's working directory.
 */
export const PROJECT_ROOT = existsSync(join(ROOMS, 'package.json')) && !ROOMS.split(/[\\/]/).includes('node_modules') ? ROOMS : process.cwd();
