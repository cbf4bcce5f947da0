import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createPrivateKey, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as x509 from '@peculiar/x509';
import { CA_DIR_ENV, defaultCaDir, ensureCertificateAuthority, subjectHashOld } from '../../proxy/index.ts';
import { PROJECT_ROOT } from '../../proxy/project-root.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'proxy-ca-test-'));

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A CA certificate valid only between the two dates, PEM, with its key. */
async function caValidBetween(notBefore: Date, notAfter: Date): Promise<{ cert: string; key: string }> {
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=old conformance CA',
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  }, webcrypto as unknown as Crypto);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { cert: cert.toString('pem'), key: `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n` };
}

describe('the run\'s certificate authority', () => {
  it('is one CA when the proxies of one run ask for it at once on a fresh machine', async () => {
    const dir = freshDir();
    const cas = await Promise.all([ensureCertificateAuthority(dir), ensureCertificateAuthority(dir), ensureCertificateAuthority(dir)]);
    assert.equal(new Set(cas.map((ca) => ca.certPem)).size, 1, 'every caller got the same certificate');
    assert.equal(readFileSync(cas[0]!.certPath, 'utf8'), cas[0]!.certPem, 'and it is the one on disk, which devices are told to trust');
    assert.equal(existsSync(join(dir, '.lock')), false, 'the lock is gone');
  });

  it('is one CA when two processes ask for it at once', async () => {
    const dir = freshDir();
    const script = `import { ensureCertificateAuthority } from ${JSON.stringify(join(PROJECT_ROOT, 'proxy', 'index.ts'))}; const ca = await ensureCertificateAuthority(process.argv[1]); console.log(ca.subjectHashOld + ' ' + ca.certPem.length + ' ' + ca.certPem.slice(-80).replace(/\\s/g, ''));`;
    const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { cwd: PROJECT_ROOT });
    const [a, b] = await Promise.all([run(), run()]);
    assert.equal(a.stdout, b.stdout, 'both processes hold the same certificate');
    assert.equal(new X509Certificate(readFileSync(join(dir, 'ca.pem'))).checkPrivateKey(createPrivateKey(readFileSync(join(dir, 'ca.key')))), true, 'the files on disk are one pair');
  });

  it('is generated once: PEM, DER, the Android system-store name and a key only its owner reads', async () => {
    const dir = freshDir();
    const log: string[] = [];
    const ca = await ensureCertificateAuthority(dir, (line) => log.push(line));
    assert.match(log.join('\n'), /generating a CA/);
    assert.equal(ca.certPath, join(dir, 'ca.pem'));
    assert.equal(ca.keyPath, join(dir, 'ca.key'));
    assert.equal(ca.derPath, join(dir, 'ca.der'));
    assert.match(ca.subjectHashOld, /^[0-9a-f]{8}$/);
    assert.equal(ca.androidSystemPath, join(dir, `${ca.subjectHashOld}.0`));
    const cert = new X509Certificate(readFileSync(ca.certPath));
    assert.equal(cert.ca, true);
    assert.deepEqual(readFileSync(ca.derPath), cert.raw, 'ca.der is the same certificate, DER');
    assert.equal(new X509Certificate(readFileSync(ca.androidSystemPath)).fingerprint256, cert.fingerprint256);
    assert.equal(statSync(ca.keyPath).mode & 0o777, 0o600);
    assert.equal(ca.certPem, readFileSync(ca.certPath, 'utf8'));
  });

  it('is reused while its files are sound, so a device that trusts it keeps trusting it', async () => {
    const dir = freshDir();
    const first = await ensureCertificateAuthority(dir);
    const log: string[] = [];
    const second = await ensureCertificateAuthority(dir, (line) => log.push(line));
    assert.equal(second.certPem, first.certPem);
    assert.equal(second.keyPem, first.keyPem);
    assert.deepEqual(log, [], 'nothing generated, nothing to say');
  });

  it('is regenerated, saying why, when a file is broken, missing or not the pair', async () => {
    const cases: { name: string; spoil: (dir: string, other: string) => void; reason: RegExp }[] = [
      { name: 'broken certificate', spoil: (dir) => writeFileSync(join(dir, 'ca.pem'), 'not a certificate'), reason: /ca\.pem is not a certificate/ },
      { name: 'missing key', spoil: (dir) => writeFileSync(join(dir, 'ca.key'), ''), reason: /ca\.key is not a private key/ },
      { name: 'key of another CA', spoil: (dir, other) => writeFileSync(join(dir, 'ca.key'), readFileSync(join(other, 'ca.key'))), reason: /ca\.key is not the key of ca\.pem/ },
    ];
    const other = freshDir();
    await ensureCertificateAuthority(other);
    const dir = freshDir();
    let previous = await ensureCertificateAuthority(dir);
    for (const { name, spoil, reason } of cases) {
      spoil(dir, other);
      const log: string[] = [];
      const again = await ensureCertificateAuthority(dir, (line) => log.push(line));
      assert.match(log.join('\n'), reason, name);
      assert.match(log.join('\n'), /regenerating/, name);
      assert.notEqual(again.certPem, previous.certPem, name);
      assert.equal(new X509Certificate(again.certPem).checkPrivateKey(createPrivateKey(again.keyPem)), true, name);
      previous = again;
    }
  });

  it('is regenerated when it has expired', async () => {
    const dir = freshDir();
    await ensureCertificateAuthority(dir);
    const expired = await caValidBetween(new Date(Date.now() - 3 * 86_400_000), new Date(Date.now() - 86_400_000));
    writeFileSync(join(dir, 'ca.pem'), expired.cert);
    writeFileSync(join(dir, 'ca.key'), expired.key);
    const log: string[] = [];
    const again = await ensureCertificateAuthority(dir, (line) => log.push(line));
    assert.match(log.join('\n'), /regenerating .*ca\.pem expires/);
    assert.ok(Date.parse(new X509Certificate(again.certPem).validTo) > Date.now() + 86_400_000);
  });

  it('names the same subject_hash_old as OpenSSL, and OpenSSL reads ca.der', { skip: opensslAvailable() ? false : 'openssl is not on PATH' }, async () => {
    const ca = await ensureCertificateAuthority(freshDir());
    const openssl = execFileSync('openssl', ['x509', '-subject_hash_old', '-noout', '-in', ca.certPath], { encoding: 'utf8' }).trim();
    assert.equal(ca.subjectHashOld, openssl);
    const other = await caValidBetween(new Date(Date.now() - 1000), new Date(Date.now() + 86_400_000));
    const otherPath = join(freshDir(), 'other.pem');
    writeFileSync(otherPath, other.cert);
    assert.equal(subjectHashOld(other.cert), execFileSync('openssl', ['x509', '-subject_hash_old', '-noout', '-in', otherPath], { encoding: 'utf8' }).trim(), 'a second subject, so the hash is not a constant');
    const subject = execFileSync('openssl', ['x509', '-inform', 'DER', '-in', ca.derPath, '-noout', '-subject'], { encoding: 'utf8' });
    assert.match(subject, /Intercom identity conformance proxy CA/);
  });

  it(`lives in .conformance/ca/ under the project root unless ${CA_DIR_ENV} names another folder`, () => {
    const saved = process.env[CA_DIR_ENV];
    try {
      delete process.env[CA_DIR_ENV];
      assert.equal(defaultCaDir(), join(PROJECT_ROOT, '.conformance', 'ca'));
      process.env[CA_DIR_ENV] = '/tmp/elsewhere-ca';
      assert.equal(defaultCaDir(), '/tmp/elsewhere-ca');
    } finally {
      if (saved === undefined) delete process.env[CA_DIR_ENV];
      else process.env[CA_DIR_ENV] = saved;
    }
    assert.ok(existsSync(join(PROJECT_ROOT, 'package.json')), 'run from the repository, the project root is the repository');
    assert.match(readFileSync(join(PROJECT_ROOT, '.gitignore'), 'utf8'), /^\.conformance\/$/m, 'the CA folder is git-ignored');
  });
});

