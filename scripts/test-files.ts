import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every node:test file under `dir`, at any depth, sorted by path: Node 20's `node --test` takes
 * no globs, and the test tree mirrors the rooms (test/harness/oracles/…), so the list is built here.
 */
export function testFiles(dir = 'test'): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts') && !file.split(/[\\/]/).includes('fixtures'))
    .map((file) => join(dir, file))
    .sort();
}
