/**
 * Bundles the driver into build/driver.js (one ES module, appium left external so the driver uses
 * the BaseDriver of the Appium that loads it). Node 20 cannot load .ts, so Appium needs this build.
 * `npm run build:sim` runs it; so does `npm ci` (the root `prepare` script).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const DRIVER_ENTRY = fileURLToPath(new URL('./src/index.ts', import.meta.url));
export const DRIVER_BUNDLE = fileURLToPath(new URL('./build/driver.js', import.meta.url));

export async function buildDriver(): Promise<string> {
  await build({
    entryPoints: [DRIVER_ENTRY],
    outfile: DRIVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['appium'],
    // Bundled CommonJS (undici) calls require('node:…'); an ES module has no require of its own.
    banner: { js: "import { createRequire as __simCreateRequire } from 'node:module'; const require = __simCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    keepNames: true,
    logLevel: 'warning',
  });
  return DRIVER_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bundle = await buildDriver();
  console.log(`built ${bundle}`);
}
