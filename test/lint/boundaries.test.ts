// The rooms' allow-lists (eslint.config.js ROOMS) refuse what they do not list. Each fixture under
// test/fixtures/boundaries/ (excluded from the normal lint and the type-check) is linted as if it
// were the file in a room named in its first line, with the project's own config.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const FIXTURES = join('test', 'fixtures', 'boundaries');

/** The problems of a fixture linted as the file in a room that its first line names. */
async function lintAsIfIn(fixture: string): Promise<Linter.LintMessage[]> {
  const code = readFileSync(join(FIXTURES, fixture), 'utf8');
  const lintAs = /^\/\/ Linted as (\S+):/.exec(code)?.[1];
  assert.ok(lintAs, `${fixture}: its first line must say "// Linted as <path in a room>: …"`);
  const [result] = await eslint.lintText(code, { filePath: lintAs });
  assert.ok(result, `${fixture}: ESLint returned no result (is ${lintAs} ignored by eslint.config.js?)`);
  return result.messages;
}

/** The fix every refusal names after its first sentence. */
const FIX = " it is not in the room's allow-list. If it should be, add it to the room's mayImport or packages in eslint.config.js ROOMS and run `npx tsx scripts/rooms-table.ts --write` (docs/architecture.md, \"Rooms\").";

const boundaryErrors = (messages: Linter.LintMessage[]) =>
  messages.filter((message) => message.ruleId?.startsWith('boundaries/')).map((message) => ({ line: message.line, rule: message.ruleId, message: message.message }));

describe('import boundaries as allow-lists', () => {
  it('the simulated device may not import the harness', async () => {
    assert.deepEqual(boundaryErrors(await lintAsIfIn('sim-imports-harness.ts')), [
      { line: 2, rule: 'boundaries/dependencies', message: `room subjects/mobile-sim/ may not import "../../../harness/matchers.ts" (room harness/):${FIX}` },
    ]);
  });

  it('the mock may import no test runner, nor a type from the harness', async () => {
    assert.deepEqual(boundaryErrors(await lintAsIfIn('mock-imports-runner.ts')), [
      { line: 2, rule: 'boundaries/dependencies', message: `room mock-server/ may not import "@playwright/test" (package @playwright/test):${FIX}` },
      { line: 3, rule: 'boundaries/dependencies', message: `room mock-server/ may not import "../harness/web/subject.ts" (room harness/web/):${FIX}` },
    ]);
  });

  it("the proxy may use the mock's public index only, not a module behind it", async () => {
    assert.deepEqual(boundaryErrors(await lintAsIfIn('proxy-imports-mock-internals.ts')), [
      { line: 3, rule: 'boundaries/dependencies', message: `room proxy/ may not import "../mock-server/journal/journal.ts" (room mock-server/):${FIX}` },
    ]);
  });

  it('what a room lists is allowed: a web spec using harness/web, harness/, specs/ and node built-ins lints clean', async () => {
    assert.deepEqual(await lintAsIfIn('spec-imports-harness.ts'), []);
  });

  it('a file in a folder that is no room is an error: a new folder must be placed in ROOMS', async () => {
    assert.deepEqual(boundaryErrors(await lintAsIfIn('in-no-room.ts')), [
      { line: 1, rule: 'boundaries/no-unknown-files', message: 'File does not match any file pattern and does not belong to any known element' },
    ]);
  });
});
