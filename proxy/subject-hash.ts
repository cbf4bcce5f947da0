import { createHash, X509Certificate } from 'node:crypto';
import { X509Certificate as ParsedCertificate } from '@peculiar/x509';

/**
 * OpenSSL's `subject_hash_old` (X509_NAME_hash_old): the first 4 bytes of MD5 over the DER of
 * the certificate's subject Name, read as a little-endian uint32, as 8 hex digits. Android's
 * system store names each certificate `<subject_hash_old>.0`.
 */
export function subjectHashOld(certPem: string): string {
  const der = new X509Certificate(certPem).raw;
  const subject = Buffer.from(new ParsedCertificate(der).subjectName.toArrayBuffer());
  const digest = createHash('md5').update(subject).digest();
  return digest.readUInt32LE(0).toString(16).padStart(8, '0');
}
