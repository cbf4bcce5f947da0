/**
 * The recording stand-ins for adb, xcrun and networksetup (test/proxy/stand-ins/), set up for one
 * test: a temporary folder with the invocation log, the devices' state and a fake CA's files, and
 * the environment that puts the stand-ins first on PATH.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CertificateAuthority } from '../../../proxy/types.ts';

export const STAND_IN_DIR = resolve(import.meta.dirname, '..', 'stand-ins');

export interface StandInState {
  android?: Record<string, { http_proxy?: string; reverse?: string[]; files?: Record<string, { from: string; mode: string }>; root?: boolean; remounted?: boolean }>;
  simulators?: Record<string, { rootCerts?: string[] }>;
  mac?: { services: Record<string, { disabled?: boolean; web?: MacProxyState; secure?: MacProxyState }> };
}
export interface MacProxyState {
  enabled: boolean;
  server: string;
  port: string;
}

export interface StandIns {
  dir: string;
  ca: CertificateAuthority;
  /** The environment the device commands run in: stand-ins first on PATH. */
  env: NodeJS.ProcessEnv;
  /** Each invocation so far, as a command line (`adb -s emulator-5554 reverse tcp:8080 tcp:8080`). */
  invocations(): string[];
  state(): StandInState;
  /** Makes every command line starting with one of these fail (exit 1). */
  failOn(...prefixes: string[]): void;
  cleanUp(): void;
}

export function standIns(initial: StandInState): StandIns {
  const dir = mkdtempSync(join(tmpdir(), 'device-stand-ins-'));
  const logFile = join(dir, 'invocations.jsonl');
  const stateFile = join(dir, 'state.json');
  writeFileSync(logFile, '');
  writeFileSync(stateFile, JSON.stringify(initial));
  const hash = '9a5ba575';
  const ca: CertificateAuthority = {
    dir,
    certPath: join(dir, 'ca.pem'),
    derPath: join(dir, 'ca.der'),
    androidSystemPath: join(dir, `${hash}.0`),
    subjectHashOld: hash,
    keyPath: join(dir, 'ca.key'),
    certPem: '-----BEGIN CERTIFICATE-----\nstand-in\n-----END CERTIFICATE-----\n',
    keyPem: '-----BEGIN PRIVATE KEY-----\nnever-shown\n-----END PRIVATE KEY-----\n',
  };
  writeFileSync(ca.certPath, ca.certPem);
  writeFileSync(ca.derPath, 'stand-in DER');
  writeFileSync(ca.androidSystemPath, ca.certPem);
  writeFileSync(ca.keyPath, ca.keyPem, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${STAND_IN_DIR}:${process.env['PATH'] ?? ''}`, STAND_IN_LOG: logFile, STAND_IN_STATE: stateFile, STAND_IN_FAIL: '[]' };
  return {
    dir,
    ca,
    env,
    invocations: () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const { tool, args } = JSON.parse(line) as { tool: string; args: string[] };
          return [tool, ...args].join(' ');
        }),
    state: () => JSON.parse(readFileSync(stateFile, 'utf8')) as StandInState,
    failOn: (...prefixes) => {
      env['STAND_IN_FAIL'] = JSON.stringify(prefixes);
    },
    cleanUp: () => rmSync(dir, { recursive: true, force: true }),
  };
}
