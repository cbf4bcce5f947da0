import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { join, resolve } from 'node:path';
import { generateCACertificate } from 'mockttp';
import { PROJECT_ROOT } from './project-root.ts';
import { subjectHashOld } from './subject-hash.ts';
import type { CertificateAuthority } from './types.ts';

export const CA_DIR_ENV = 'CONFORMANCE_CA_DIR';
export const CA_COMMON_NAME = 'Intercom identity conformance proxy CA';
/** A CA this close to expiry is replaced rather than trusted for another run. */
const RENEW_BEFORE_MS = 24 * 3600 * 1000;

const FILES = { cert: 'ca.pem', der: 'ca.der', key: 'ca.key' } as const;

/** `.conformance/ca/` under the project root, unless CONFORMANCE_CA_DIR names another folder. */
export function defaultCaDir(): string {
  const fromEnv = process.env[CA_DIR_ENV];
  return fromEnv ? resolve(fromEnv) : join(PROJECT_ROOT, '.conformance', 'ca');
}

/**
 * The run's certificate authority: read from `dir` when its files are there and sound (the
 * key matches the certificate, which is a CA and not near expiry), else generated with
 * mockttp and written there, saying why on `log`. Generated once per machine, then reused, so
 * a device that trusts it keeps trusting it.
 */
export function ensureCertificateAuthority(dir = defaultCaDir(), log: (line: string) => void = () => {}): Promise<CertificateAuthority> {
  // Two proxies of one run (one per device) ask at once; on a fresh machine each would otherwise
  // generate its own CA and one device would be left trusting the other's.
  const key = resolve(dir);
  let pending = inProcess.get(key);
  if (!pending) {
    pending = underLock(key, () => ensureUnlocked(key, log)).finally(() => inProcess.delete(key));
    inProcess.set(key, pending);
  }
  return pending;
}

const inProcess = new Map<string, Promise<CertificateAuthority>>();
/** How long another process may hold the CA folder's lock (it generates a 2048-bit key) before we stop waiting. */
const LOCK_WAIT_MS = 30_000;
const LOCK_FILE = '.lock';

/** Runs `work` holding `<dir>/.lock` (created exclusively), so processes of two runs never write the files at once. */
async function underLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, LOCK_FILE);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`the CA folder ${dir} has been locked by another process for ${LOCK_WAIT_MS / 1000} s; if none is running, delete ${lock}`);
      await delay(50);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

async function ensureUnlocked(dir: string, log: (line: string) => void): Promise<CertificateAuthority> {
  const certPath = join(dir, FILES.cert);
  const keyPath = join(dir, FILES.key);
  const problem = problemWith(certPath, keyPath);
  if (problem === null) return writeForms(dir, readFileSync(certPath, 'utf8'), readFileSync(keyPath, 'utf8'));
  if (problem !== 'absent') log(`proxy: regenerating the CA in ${dir}: ${problem}`);
  else log(`proxy: generating a CA in ${dir}`);
  const generated = await generateCACertificate({ subject: { commonName: CA_COMMON_NAME, organizationName: 'intercom-identity-conformance' }, bits: 2048 });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, generated.key, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, generated.cert);
  return writeForms(dir, generated.cert, generated.key);
}

/** Why the files in place cannot be used, 'absent' when there are none, null when they can. */
function problemWith(certPath: string, keyPath: string): string | null {
  if (!existsSync(certPath) && !existsSync(keyPath)) return 'absent';
  if (!existsSync(certPath)) return `${FILES.cert} is missing`;
  if (!existsSync(keyPath)) return `${FILES.key} is missing`;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readFileSync(certPath));
  } catch (error) {
    return `${FILES.cert} is not a certificate (${(error as Error).message})`;
  }
  try {
    if (!cert.checkPrivateKey(createPrivateKey(readFileSync(keyPath)))) return `${FILES.key} is not the key of ${FILES.cert}`;
  } catch (error) {
    return `${FILES.key} is not a private key (${(error as Error).message})`;
  }
  if (!cert.ca) return `${FILES.cert} is not a CA certificate`;
  const validTo = Date.parse(cert.validTo);
  if (Number.isNaN(validTo) || validTo - Date.now() < RENEW_BEFORE_MS) return `${FILES.cert} expires ${cert.validTo}`;
  if (Date.parse(cert.validFrom) > Date.now()) return `${FILES.cert} is not valid before ${cert.validFrom}`;
  return null;
}

/** Writes the DER and Android system-store forms beside the PEM (cheap, and always in step with it). */
function writeForms(dir: string, certPem: string, keyPem: string): CertificateAuthority {
  const hash = subjectHashOld(certPem);
  const derPath = join(dir, FILES.der);
  const androidSystemPath = join(dir, `${hash}.0`);
  writeFileSync(derPath, new X509Certificate(certPem).raw);
  writeFileSync(androidSystemPath, certPem);
  chmodSync(join(dir, FILES.key), 0o600);
  return { dir, certPath: join(dir, FILES.cert), derPath, androidSystemPath, subjectHashOld: hash, keyPath: join(dir, FILES.key), certPem, keyPem };
}
