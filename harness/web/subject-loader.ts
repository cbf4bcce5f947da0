import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WEB_SUBJECTS } from '../../subjects/web-subjects.ts';
import { codeFile } from '../code-root.ts';
import type { WebSubject } from './subject.ts';

/** The bundled subject, used when WEB_SUBJECT is not set. */
export const DEFAULT_WEB_SUBJECT = 'subjects/web-app/index.ts';

/**
 * The bundled subjects by name, each the project's own module (path from the code root, without
 * extension), from the one list of them (subjects/web-subjects.ts). The third-party ones bundle
 * pinned npm packages that only the repository installs.
 */
export const BUNDLED_WEB_SUBJECTS: Readonly<Record<string, string>> = Object.fromEntries(WEB_SUBJECTS.map(({ name, module }) => [name, module]));

/**
 * The subject of `--web-url <url> --web-steps <file>` (a team's app driven by a steps file): the
 * module the browser runner loads (it reads WEB_URL and WEB_STEPS), and the factory behind it.
 */
export const STEPS_APP_SUBJECT = 'subjects/steps-app/index';
const STEPS_APP_FACTORY = 'subjects/steps-app/steps-subject';

export function stepsAppSubjectFile(): string {
  return codeFile(STEPS_APP_SUBJECT);
}

/** The subject of an app at `url` driven by the steps file `stepsFile`; refuses a file that is not usable and a URL that does not answer. */
export async function loadStepsAppSubject(url: string, stepsFile: string): Promise<WebSubject> {
  const factory = (await import(pathToFileURL(codeFile(STEPS_APP_FACTORY)).href)) as { stepsAppSubject(url: string, stepsFile: string): Promise<WebSubject> };
  return factory.stepsAppSubject(url, stepsFile);
}

/** A module path, as opposed to a bundled subject's name: it has a folder or a script extension. */
const looksLikePath = (value: string): boolean => /[\\/]/.test(value) || /\.[cm]?[jt]s$/.test(value);

/**
 * The file of a subject: a bundled one by name (or the default's path) from the project's own code
 * (the repository, or the installed package), any other path from the working directory. A name
 * that is no bundled subject is an error listing the names.
 */
export function webSubjectFile(nameOrPath: string): string {
  const bundled = nameOrPath === DEFAULT_WEB_SUBJECT ? BUNDLED_WEB_SUBJECTS['reference-web-app'] : BUNDLED_WEB_SUBJECTS[nameOrPath];
  if (bundled) {
    const file = codeFile(bundled);
    if (!existsSync(file)) throw new Error(`"${nameOrPath}" is bundled with the repository only (${file} is not in this installation)`);
    return file;
  }
  if (looksLikePath(nameOrPath)) return resolve(nameOrPath);
  throw new Error(`"${nameOrPath}" is not a bundled web subject (${Object.keys(BUNDLED_WEB_SUBJECTS).join(', ')}) nor a module path (for a file, give ./${nameOrPath}.ts)`);
}

/** Loads the subject named by WEB_SUBJECT (a bundled name or a path); its default export must be a WebSubject. */
export async function loadWebSubject(modulePath = process.env['WEB_SUBJECT'] ?? DEFAULT_WEB_SUBJECT): Promise<WebSubject> {
  let url: string;
  try {
    url = pathToFileURL(webSubjectFile(modulePath)).href;
  } catch (error) {
    throw new Error(`WEB_SUBJECT=${modulePath}: ${(error as Error).message}`);
  }
  let loaded: { default?: Partial<WebSubject> };
  try {
    loaded = (await import(url)) as { default?: Partial<WebSubject> };
  } catch (error) {
    throw new Error(`WEB_SUBJECT=${modulePath} could not be loaded: ${(error as Error).message}`);
  }
  const subject = loaded.default;
  const missing = ['name', 'start', 'open', 'logIn', 'logOut', 'openMessenger', 'sendMessage', 'refreshJwt', 'refreshCount'].filter(
    (key) => !subject || !(key in subject),
  );
  if (missing.length) throw new Error(`WEB_SUBJECT=${modulePath}: the default export is not a WebSubject (missing ${missing.join(', ')})`);
  return subject as WebSubject;
}
