/**
 * A clone of this repository has nothing beside it: every pointer a user can meet (the README,
 * docs/, expectations, and the text the code puts into reports, errors and comments) must lead
 * into the repository or to a public source, and every relative Markdown link must resolve.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Every tracked file is read by someone or feeds reports and errors (check and profile sources,
 * lint messages, comments contributors follow); only the lockfile and this test, which must
 * name what it forbids, are left out.
 */
const NOT_CHECKED = new Set(['package-lock.json', 'test/docs/no-outside-links.test.ts']);

/** Paths that exist only on the machine this project was started on, never in a clone. */
const OUTSIDE_POINTERS = [/\.\.\/shared\b/, /\bshared\/(seeds|reference|DESIGN)/, /\bDESIGN\.md\b/, /\bSTYLE\.md\b/, /\breference\/intercom-behaviour\.md\b/];

function trackedFiles(paths: readonly string[]): string[] {
  const output = execFileSync('git', ['ls-files', '-z', '--', ...paths], { cwd: ROOT, encoding: 'utf8' });
  return output.split('\0').filter(Boolean);
}

/** `file:line: text` for every line that points outside the repository. */
export function outsidePointers(files: readonly string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    read(file).split('\n').forEach((line, index) => {
      if (OUTSIDE_POINTERS.some((pattern) => pattern.test(line))) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const INLINE_LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const text = match[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    anchors.add(text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return anchors;
}

/** `file: target (why)` for every relative link in a Markdown file that leads nowhere in the repo. */
export function brokenRelativeLinks(file: string, markdown: string, exists: (path: string) => boolean, readTarget: (path: string) => string): string[] {
  const broken: string[] = [];
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const match of prose.matchAll(INLINE_LINK)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const resolved = path === '' ? file : join(dirname(file), decodeURIComponent(path));
    if (relative(ROOT, resolve(ROOT, resolved)).startsWith('..')) {
      broken.push(`${file}: ${target} (leaves the repository)`);
      continue;
    }
    if (!exists(resolved)) {
      broken.push(`${file}: ${target} (no such file in the repository)`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && !anchorsOf(readTarget(resolved)).has(anchor)) {
      broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
    }
  }
  return broken;
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

describe('what users read stays inside the repository', () => {
  it('no tracked file points at ../shared, its seeds, its reference or its design brief', () => {
    const files = trackedFiles(['.']).filter((file) => !NOT_CHECKED.has(file));
    for (const expected of ['README.md', 'docs/architecture.md', 'specs/checks.ts', 'subjects/mobile-sim/src/sdk/profiles.ts']) assert.ok(files.includes(expected), `${expected} is not among the ${files.length} tracked files checked`);
    assert.ok(files.some((file) => file.startsWith('expectations/')), 'no expectations file among the tracked files checked');
    const found = outsidePointers(files, read);
    assert.deepEqual(found, [], `these lines point outside the repository (a clone has no ../shared); cite the public source, or docs/architecture.md / docs/intercom-behaviour.md:\n${found.join('\n')}`);
  });

  it('every relative link in the README and the tracked Markdown docs resolves to a file in the repository', () => {
    const tracked = new Set(trackedFiles(['.']));
    const trackedDirs = new Set([...tracked].flatMap((file) => file.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))));
    const exists = (path: string): boolean => {
      const normal = relative(ROOT, resolve(ROOT, path)).replace(/\\/g, '/');
      return tracked.has(normal) || trackedDirs.has(normal.replace(/\/$/, ''));
    };
    const markdown = [...tracked].filter((file) => file.endsWith('.md'));
    assert.ok(markdown.includes('README.md') && markdown.includes('docs/architecture.md') && markdown.includes('docs/intercom-behaviour.md'), 'the README and both docs must be tracked');
    const broken = markdown.flatMap((file) => brokenRelativeLinks(file, read(file), exists, read));
    assert.deepEqual(broken, [], `broken relative links:\n${broken.join('\n')}`);
  });

  it('the README links both docs', () => {
    const readme = read('README.md');
    for (const doc of ['docs/architecture.md', 'docs/intercom-behaviour.md']) assert.ok(readme.includes(`](${doc}`), `README.md has no link to ${doc}`);
  });
});

describe('the checks themselves', () => {
  const exists = (path: string): boolean => ['README.md', 'docs/a.md'].includes(path);
  const readTarget = (): string => '# Title\n## Modes: what exists and what does not\n';

  it('find pointers outside the repository', () => {
    const text = 'see [design](../shared/DESIGN.md)\nfine line\n(shared/seeds/001)\nDESIGN.md "app" mode\n';
    assert.deepEqual(outsidePointers(['x.md'], () => text), ['x.md:1: see [design](../shared/DESIGN.md)', 'x.md:3: (shared/seeds/001)', 'x.md:4: DESIGN.md "app" mode']);
  });

  it('report links to missing files, outside the repository, and to missing headings; accept URLs and good links', () => {
    const markdown = [
      '[ok](docs/a.md) [url](https://example.test/x) [anchor](docs/a.md#modes-what-exists-and-what-does-not) [self](#title)',
      '[gone](docs/b.md) [out](../shared/DESIGN.md) [bad anchor](docs/a.md#nope)',
      '```\n[in code](nowhere.md)\n```',
    ].join('\n');
    assert.deepEqual(brokenRelativeLinks('README.md', markdown, exists, readTarget), [
      'README.md: docs/b.md (no such file in the repository)',
      'README.md: ../shared/DESIGN.md (leaves the repository)',
      'README.md: docs/a.md#nope (no heading #nope in docs/a.md)',
    ]);
  });
});
