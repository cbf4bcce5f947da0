import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { conformanceProgram } from '../../../conformance/program.ts';
import { BUNDLED_WEB_SUBJECTS, DEFAULT_WEB_SUBJECT, loadWebSubject, webSubjectFile } from '../../../harness/web/subject-loader.ts';
import { WEB_SUBJECTS } from '../../../subjects/web-subjects.ts';

/** The names, in order, from the one list of bundled web subjects. */
const NAMES = WEB_SUBJECTS.map(({ name }) => name);
const LISTED = NAMES.join(', ');
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('web subjects by name', () => {
  it('each bundled name loads its subject, whose id carries the library version', async () => {
    assert.deepEqual(Object.keys(BUNDLED_WEB_SUBJECTS), NAMES);
    const ids = [];
    for (const name of NAMES) {
      assert.ok(existsSync(webSubjectFile(name)), name);
      const subject = await loadWebSubject(name);
      ids.push(`${subject.name}@${subject.version}`);
    }
    // A name that pins a version (react-use-intercom@5.8.0) loads exactly that version.
    for (const [index, name] of NAMES.entries()) if (name.includes('@')) assert.equal(ids[index], name);
    assert.deepEqual(ids.slice(0, 5), ['reference-web-app@0.1.0', 'snippet@sha256-05169d0e', 'messenger-js-sdk@0.0.20', 'react-use-intercom@5.8.0', 'react-use-intercom@1.5.2']);
  });

  it('a path still names a module file, the default path the bundled reference app', () => {
    assert.equal(webSubjectFile(DEFAULT_WEB_SUBJECT), webSubjectFile('reference-web-app'));
    assert.equal(webSubjectFile('./team/my-app.subject.ts'), resolve('team/my-app.subject.ts'));
    assert.equal(webSubjectFile('my-app.subject.ts'), resolve('my-app.subject.ts'));
  });

  it('an unknown name is an error listing the bundled names', async () => {
    assert.throws(() => webSubjectFile('react-use-intercom@9.9.9'), new RegExp(`"react-use-intercom@9\\.9\\.9" is not a bundled web subject \\(${escaped(LISTED)}\\) nor a module path`));
    await assert.rejects(loadWebSubject('snipet'), /^Error: WEB_SUBJECT=snipet: "snipet" is not a bundled web subject/);
  });

  it('the conformance command exits 2 on an unknown name, with one line naming the bundled ones, before running anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', '-p', 'web', '--web-subject', 'snipet', '--reports', 'reports/test/by-name'], { encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    const [first] = run.stderr.split('\n');
    assert.equal(first, `error: --web-subject: "snipet" is not a bundled web subject (${LISTED}) nor a module path (for a file, give ./snipet.ts)`);
    assert.equal(existsSync('reports/test/by-name'), false, 'no reports written');
  });

  it('--help names the bundled subjects', () => {
    const help = conformanceProgram().helpInformation().replace(/\s+/g, ' ');
    for (const name of NAMES) assert.ok(help.includes(name), name);
  });
});
