import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeFile } from '../code-root.ts';
import type { WebSubject } from './subject.ts';

/** The bundled subject, used when WEB_SUBJECT is not set. */
export const DEFAULT_WEB_SUBJECT = 'subjects/web-app/index.ts';

/**
 * The file of a subject module: the bundled one from the project's own code (the repository, or
 * the installed package), any other path from the working directory.
 */
export function webSubjectFile(modulePath: string): string {
  return modulePath === DEFAULT_WEB_SUBJECT ? codeFile('subjects/web-app/index') : resolve(modulePath);
}

/** Loads the module named by WEB_SUBJECT (a path); its default export must be a WebSubject. */
export async function loadWebSubject(modulePath = process.env['WEB_SUBJECT'] ?? DEFAULT_WEB_SUBJECT): Promise<WebSubject> {
  const url = pathToFileURL(webSubjectFile(modulePath)).href;
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
