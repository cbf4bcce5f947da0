// The recording proxy's public surface: a device's Intercom traffic, through the run's CA, into the mock's journal.
export { startRecordingProxy } from './recording-proxy.ts';
export { ensureCertificateAuthority, defaultCaDir, CA_DIR_ENV } from './certificate-authority.ts';
export { subjectHashOld } from './subject-hash.ts';
export type * from './types.ts';
