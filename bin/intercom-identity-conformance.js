#!/usr/bin/env node
// The installed package's command line: `npx intercom-identity-conformance [options]`, the same
// run as `npm run conformance -- [options]`, and `… init`. tsx is registered first because a
// team's subject and profile modules may be TypeScript. The package's own code is the compiled
// dist/ (`npm run build`, run by `npm pack`); in a clone, which has the sources, it is those.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const source = new URL('../conformance/cli.ts', import.meta.url);
await import(existsSync(source) ? source.href : new URL('../dist/conformance/cli.js', import.meta.url).href);
