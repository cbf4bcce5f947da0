import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ensureCertificateAuthority, startRecordingProxy, type CertificateAuthority, type RecordingProxy, type RecordingProxyOptions } from '../../proxy/index.ts';
import { useMock, type MockHandle } from '../support/mock-fixture.ts';

export interface ProxiedMock {
  mock: MockHandle;
  proxy: RecordingProxy;
  ca: CertificateAuthority;
  /** Every line the proxy logged so far. */
  log: string[];
}

/** One mock and one recording proxy in front of it per test file, the CA in a private temp folder. */
export function useProxiedMock(options: Partial<Pick<RecordingProxyOptions, 'otherTraffic'>> = {}): ProxiedMock {
  const mock = useMock();
  const handle = { mock, log: [] as string[] } as ProxiedMock;
  before(async () => {
    handle.ca = await ensureCertificateAuthority(mkdtempSync(join(tmpdir(), 'proxy-ca-')));
    handle.proxy = await startRecordingProxy({ targetUrl: mock.url, ca: handle.ca, log: (line) => handle.log.push(line), ...options });
  });
  after(async () => {
    await handle.proxy.stop();
  });
  return handle;
}
