/** The launcher's device network: which mode MOBILE_NETWORK names, and what each capability gets. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { networkModeFromEnv, startDeviceNetworks } from '../../../harness/mobile/device-network.ts';

const logDir = mkdtempSync(join(tmpdir(), 'device-network-'));
const sim = (mockUrl: string): Record<string, unknown> => ({ platformName: 'Android', 'appium:automationName': 'IntercomSim', 'appium:mockServerUrl': mockUrl });

describe('device network', () => {
  it('MOBILE_NETWORK: direct by default, proxy, anything else refused by name', () => {
    assert.equal(networkModeFromEnv(undefined), 'direct');
    assert.equal(networkModeFromEnv('Proxy'), 'proxy');
    assert.throws(() => networkModeFromEnv('wifi'), /MOBILE_NETWORK: "wifi" is not a network mode; use direct or proxy/);
  });

  it('direct adds nothing; proxy gives each capability its own proxy and the CA, and stop ends them', async () => {
    const direct = [sim('http://127.0.0.1:1')];
    await (await startDeviceNetworks(direct, logDir, 'direct')).stop();
    assert.deepEqual(Object.keys(direct[0]!), ['platformName', 'appium:automationName', 'appium:mockServerUrl']);
    process.env['CONFORMANCE_CA_DIR'] = join(logDir, 'ca');
    const proxied = [sim('http://127.0.0.1:1'), sim('http://127.0.0.1:2')];
    const networks = await startDeviceNetworks(proxied, logDir, 'proxy');
    try {
      assert.deepEqual(proxied.map((capability) => capability['appium:network']), ['proxy', 'proxy']);
      assert.notEqual(proxied[0]!['appium:proxyUrl'], proxied[1]!['appium:proxyUrl'], 'one proxy per mock');
      assert.match(String(proxied[0]!['appium:proxyUrl']), /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(readFileSync(String(proxied[0]!['appium:proxyCaPath']), 'utf8'), /-----BEGIN CERTIFICATE-----/);
    } finally {
      await networks.stop();
      delete process.env['CONFORMANCE_CA_DIR'];
    }
    await assert.rejects(fetch(String(proxied[0]!['appium:proxyUrl'])), 'the proxy is down after stop');
  });

  it('proxy is for the simulated device: a real-device capability is refused, naming its automation', async () => {
    const real = [{ platformName: 'Android', 'appium:automationName': 'UiAutomator2', 'appium:mockServerUrl': 'http://127.0.0.1:1' }];
    await assert.rejects(startDeviceNetworks(real, logDir, 'proxy'), /sets up the simulated device \(IntercomSim\); this capability's automationName is "UiAutomator2"/);
  });
});
