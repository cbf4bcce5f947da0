import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { PACKAGE_ROOT } from '../harness/code-root.ts';
import { EXIT } from '../harness/exit-codes.ts';

const TEMPLATES = join(PACKAGE_ROOT, 'conformance', 'init-templates');

/** What `init` writes, relative to the working directory, and the template each comes from. */
export const INIT_FILES = [
  { path: 'identity-conformance/web-subject.ts', template: 'web-subject.ts.template', what: 'a starter web subject (TypeScript, typed by the package)' },
  { path: 'expectations/README.md', template: 'expectations-README.md.template', what: 'where known failures go, with an example' },
  { path: '.github/workflows/identity-conformance.yml', template: 'workflow.yml.template', what: 'a CI workflow running the checks' },
] as const;

function initProgram(): Command {
  return new Command('init')
    .description('Writes into this directory a starter web subject, an expectations/ folder and a GitHub Actions workflow that runs the checks. Refuses to overwrite a file that exists unless --force.')
    .option('--force', 'overwrite files that exist')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
}

/** `<bin> init [--force]`: exit 0 with the files written, 2 when one exists (named) or the arguments are wrong. */
export function runInit(args: string[], cwd = process.cwd()): number {
  const program = initProgram();
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    throw error;
  }
  const force = Boolean(program.opts<{ force?: boolean }>().force);
  const existing = INIT_FILES.filter((file) => existsSync(join(cwd, file.path))).map((file) => file.path);
  if (existing.length && !force) {
    console.error(`error: init writes nothing, because these exist: ${existing.join(', ')} (run with --force to overwrite them)`);
    return EXIT.badInput;
  }
  for (const file of INIT_FILES) {
    const target = join(cwd, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(TEMPLATES, file.template), 'utf8'));
    console.log(`wrote ${file.path}${existing.includes(file.path) ? ' (overwritten)' : ''}: ${file.what}`);
  }
  console.log('\nNext: npx intercom-identity-conformance -p web --web-subject identity-conformance/web-subject.ts');
  return EXIT.ok;
}
