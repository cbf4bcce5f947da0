/** Bundles the local web messenger for the browser: subjects/web-messenger/dist/widget.js. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const WIDGET_BUNDLE = fileURLToPath(new URL('./dist/widget.js', import.meta.url));

let built: Promise<string> | null = null;

/**
 * Builds once per process and replaces the file atomically (write, then rename), because
 * parallel test workers build while others' browsers are loading the bundle.
 */
export function buildWidget(): Promise<string> {
  built ??= build({
    // widget.ts here, widget.js in the installed package's compiled copy.
    entryPoints: [fileURLToPath(new URL(`./src/widget${extname(import.meta.url)}`, import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    logLevel: 'warning',
  }).then((result) => {
    mkdirSync(dirname(WIDGET_BUNDLE), { recursive: true });
    const temporary = `${WIDGET_BUNDLE}.${process.pid}.tmp`;
    writeFileSync(temporary, result.outputFiles[0]!.text);
    renameSync(temporary, WIDGET_BUNDLE);
    return WIDGET_BUNDLE;
  });
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${await buildWidget()}`);
}
