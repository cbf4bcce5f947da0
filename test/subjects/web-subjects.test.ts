// The one list of bundled web subjects (subjects/web-subjects.ts) is all that adding one takes
// besides its folder, so its entries must hold together: unique names, modules that exist, cells
// that name web checks, and a known failure of a real integration written down for the gate too.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { codeFile } from '../../harness/code-root.ts';
import { WEB_CHECKS } from '../../specs/checks.ts';
import { WEB_SUBJECTS } from '../../subjects/web-subjects.ts';

const webCheckIds = new Set<string>(WEB_CHECKS.map((check) => check.id));

/** The checks each expectations file of `name` (expectations/<name>@<version>.json) lists as known failures. */
function knownFailuresOf(name: string): Set<string> {
  const files = readdirSync('expectations').filter((file) => file.startsWith(`${name}@`) && file.endsWith('.json'));
  const listed = files.flatMap((file) => (JSON.parse(readFileSync(join('expectations', file), 'utf8')) as { known_failures: { check: string }[] }).known_failures);
  return new Set(listed.map((failure) => failure.check));
}

describe('the bundled web subjects list', () => {
  it('names each subject once, and each module exists', () => {
    const names = WEB_SUBJECTS.map(({ name }) => name);
    assert.equal(new Set(names).size, names.length, `a name is listed twice: ${names.join(', ')}`);
    for (const { name, module } of WEB_SUBJECTS) assert.ok(existsSync(codeFile(module)), `${name}: its module ${module} does not exist`);
  });

  it("names only web checks in its cells, and lists each of a subject's expected failures in its expectations file", () => {
    for (const { name, cells = [] } of WEB_SUBJECTS) {
      for (const cell of cells) {
        const unknown = cell.expectedFailures.filter((check) => !webCheckIds.has(check));
        assert.deepEqual(unknown, [], `${name}×${cell.profile}: no web check has these IDs (specs/checks.ts has ${[...webCheckIds].join(', ')})`);
        const missing = cell.expectedFailures.filter((check) => !knownFailuresOf(name).has(check));
        assert.deepEqual(missing, [], `${name}×${cell.profile} must fail these checks, but no expectations/${name}@<version>.json lists them as known failures`);
      }
    }
  });
});
