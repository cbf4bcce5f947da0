/**
 * The simulated device's real-network mode (appium:network proxy): the SDK model speaks HTTPS to
 * Intercom's production host for its platform through the recording proxy, trusting only the run's
 * CA; the proxy forwards to the mock, which journals each request with the host it was addressed
 * to. Without the proxy, or with another CA, requests fail as the SDK's network error and nothing
 * reaches the mock by another way. The device runs in-process (no Appium).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ensureCertificateAuthority, startRecordingProxy } from '../../../proxy/index.ts';
import type { CertificateAuthority, RecordingProxy } from '../../../proxy/types.ts';
import { readSimOptions } from '../../../subjects/mobile-sim/src/capabilities.ts';
import { SimulatedDevice } from '../../../subjects/mobile-sim/src/device.ts';
import { correct } from '../../../subjects/mobile-sim/src/sdk/profiles.ts';
import { useMock } from '../../support/mock-fixture.ts';

const mock = useMock();
let ca: CertificateAuthority;
let otherCa: CertificateAuthority;
let proxy: RecordingProxy;

before(async () => {
  ca = await ensureCertificateAuthority(mkdtempSync(join(tmpdir(), 'sim-network-ca-')));
  otherCa = await ensureCertificateAuthority(mkdtempSync(join(tmpdir(), 'sim-network-other-ca-')));
  proxy = await startRecordingProxy({ targetUrl: mock.url, ca, otherTraffic: 'refuse' });
});
after(async () => {
  await proxy?.stop();
});

function proxiedDevice(platformName: 'Android' | 'iOS', caps: { proxyUrl?: string; proxyCaPath?: string; mockNamespace?: string } = {}): SimulatedDevice {
  const options = readSimOptions({ platformName, mockServerUrl: mock.url, network: 'proxy', proxyUrl: proxy.url, proxyCaPath: ca.certPath, ...caps });
  return new SimulatedDevice(options, correct, `real-network-${platformName}`);
}

/** A loopback port nothing listens on: the proxy a device was pointed at is not running. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the simulated device through the recording proxy', () => {
  beforeEach(() => mock.admin.reset());

  for (const [platformName, host] of [
    ['Android', 'mockapp1-android.mobile-messenger.intercom.com'],
    ['iOS', 'mockapp1-ios.mobile-messenger.intercom.com'],
  ] as const) {
    it(`${platformName}: HTTPS to ${host} reaches the mock, journaled with that host, its send order and namespace unchanged`, async () => {
      const sim = proxiedDevice(platformName, { mockNamespace: `ns-${platformName}` });
      try {
        await sim.app.signIn('alice');
        assert.equal(sim.app.describe().status, 'Signed in as alice');
        await sim.app.openMessenger();
        assert.equal(sim.app.describe().status, 'Messenger open: 1 conversation');
        const records = await mock.admin.requests({ ns: `ns-${platformName}` });
        const messenger = records.filter((record) => record.path.startsWith('/messenger/mobile/'));
        assert.deepEqual(messenger.map((record) => record.path), ['/messenger/mobile/users', '/messenger/mobile/open', '/messenger/mobile/conversations']);
        assert.deepEqual([...new Set(messenger.map((record) => record.host))], [host]);
        assert.deepEqual(messenger.map((record) => record.sent), [1, 2, 3]);
        assert.equal(messenger[0]!.jwt?.status, 'valid', 'the JWT the app set went through the proxy as sent');
        assert.deepEqual(proxy.passed(), [], 'nothing but Intercom traffic went through the proxy');
      } finally {
        sim.shutdown();
      }
    });
  }

  it("with another CA the handshake fails: the SDK's network error, nothing reaches the mock", async () => {
    const sim = proxiedDevice('Android', { proxyCaPath: otherCa.certPath });
    try {
      await sim.app.signIn('alice');
      assert.match(sim.app.describe().status, /^Signed in as alice; Intercom login failed: network: cannot reach https:\/\/mockapp1-android\.mobile-messenger\.intercom\.com\/messenger\/mobile\/users: .*certificate/);
      const records = await mock.admin.requests();
      assert.deepEqual(records.filter((record) => record.path.startsWith('/messenger/')), []);
    } finally {
      sim.shutdown();
    }
  });

  it("without the proxy running the request fails as the SDK's network error; it never goes direct", async () => {
    const sim = proxiedDevice('iOS', { proxyUrl: `http://127.0.0.1:${await closedPort()}` });
    try {
      await sim.app.signIn('alice');
      assert.match(sim.app.describe().status, /^Signed in as alice; Intercom login failed: network: cannot reach https:\/\/mockapp1-ios\.mobile-messenger\.intercom\.com\/messenger\/mobile\/users: .*ECONNREFUSED/);
      const records = await mock.admin.requests();
      assert.deepEqual(records.filter((record) => record.path.startsWith('/messenger/')), []);
    } finally {
      sim.shutdown();
    }
  });
});
