// The recording proxy's public contract. Devices (real ones and the simulated one in its
// `--network proxy` mode) send their Intercom traffic through it; it forwards every request
// addressed to one of Intercom's hosts to the mock, which journals it, and lets other traffic
// pass (or refuses it). In live mode the mock relays to a real workspace, so the proxy is the
// same in every mode.

/** The run's certificate authority, generated once and kept under `dir` (git-ignored). */
export interface CertificateAuthority {
  /** The folder holding every file below; default `.conformance/ca/` (`CONFORMANCE_CA_DIR` overrides). */
  dir: string;
  /** The certificate, PEM (`ca.pem`): what `xcrun simctl keychain … add-root-cert` and Node's `ca` take. */
  certPath: string;
  /** The certificate, DER (`ca.der`, `.crt`-style): what Android's certificate installer takes. */
  derPath: string;
  /** The certificate named for Android's system store: `<subject_hash_old>.0` (PEM). */
  androidSystemPath: string;
  /** OpenSSL's `subject_hash_old` of the certificate's subject, 8 hex digits. */
  subjectHashOld: string;
  /** The private key, PEM (`ca.key`, mode 0600). Never printed. */
  keyPath: string;
  certPem: string;
  keyPem: string;
}

/** What becomes of a request to a host that is not Intercom's. */
export type OtherTraffic = 'pass-through' | 'refuse';

export interface RecordingProxyOptions {
  /** The mock's base URL, e.g. `http://127.0.0.1:4010`: every Intercom request is forwarded there. */
  targetUrl: string;
  ca: CertificateAuthority;
  /** Default `pass-through`; `refuse` answers 403 without connecting anywhere. */
  otherTraffic?: OtherTraffic;
  /** Default 0 (a free port). The proxy binds 127.0.0.1. */
  port?: number;
  /** One line per event (start, each forwarded request, refusals, errors); never a secret or a full token. */
  log?: (line: string) => void;
}

/** One request to a non-Intercom host: where it went and what came of it, never its body. */
export interface PassedRequest {
  time: string;
  method: string;
  host: string;
  outcome: 'passed' | 'refused' | 'failed';
}

export interface RecordingProxy {
  /** `http://127.0.0.1:<port>`: what a device's `http_proxy` (or `HTTPS_PROXY`) points at. */
  url: string;
  port: number;
  ca: CertificateAuthority;
  /** Requests to other hosts so far, without bodies. */
  passed(): PassedRequest[];
  stop(): Promise<void>;
}
