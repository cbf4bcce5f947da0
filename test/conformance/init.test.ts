/**
 * `<bin> init`: writes the starter subject, expectations/README.md and the CI workflow into the
 * working directory; refuses (exit 2, naming every file that exists, writing nothing) unless --force.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { INIT_FILES, runInit } from '../../conformance/init.ts';

const scratch = mkdtempSync(join(tmpdir(), 'conformance-init-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function quietly<T>(action: () => T): { result: T; errors: string[] } {
  const errors: string[] = [];
  const { log, error } = console;
  console.log = () => {};
  console.error = (line: string) => errors.push(line);
  try {
    return { result: action(), errors };
  } finally {
    Object.assign(console, { log, error });
  }
}

describe('init', () => {
  it('writes the three files into an empty directory', () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir);
    assert.equal(quietly(() => runInit([], dir)).result, 0);
    assert.deepEqual(INIT_FILES.map((file) => existsSync(join(dir, file.path))), [true, true, true]);
    assert.match(readFileSync(join(dir, 'identity-conformance/web-subject.ts'), 'utf8'), /^import type \{ WebSubject \} from 'intercom-identity-conformance\/web';$/m);
    assert.match(readFileSync(join(dir, '.github/workflows/identity-conformance.yml'), 'utf8'), /run: npx intercom-identity-conformance -p web --web-subject identity-conformance\/web-subject\.ts/);
  });

  it('refuses when one file exists, names it, and writes none of the others', () => {
    const dir = join(scratch, 'has-expectations');
    mkdirSync(join(dir, 'expectations'), { recursive: true });
    writeFileSync(join(dir, 'expectations', 'README.md'), 'ours');
    const { result, errors } = quietly(() => runInit([], dir));
    assert.equal(result, 2);
    assert.match(errors.join('\n'), /init writes nothing, because these exist: expectations\/README\.md \(run with --force/);
    assert.equal(readFileSync(join(dir, 'expectations', 'README.md'), 'utf8'), 'ours');
    assert.equal(existsSync(join(dir, 'identity-conformance/web-subject.ts')), false);
  });

  it('overwrites with --force', () => {
    const dir = join(scratch, 'has-expectations');
    assert.equal(quietly(() => runInit(['--force'], dir)).result, 0);
    assert.match(readFileSync(join(dir, 'expectations', 'README.md'), 'utf8'), /^# Expectations/);
  });

  it('exits 2 on an unknown option', () => {
    assert.equal(quietly(() => runInit(['--forse'], join(scratch, 'empty'))).result, 2);
  });
});
