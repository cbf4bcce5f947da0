/**
 * The WDIO service that prepares a session's device for the recording proxy, driven through its
 * launcher and worker hooks as WDIO calls them, against the stand-ins for adb and xcrun and a
 * stand-in recording proxy: one proxy per mock, the device prepared before the session when its
 * capabilities name it (after, when Appium picks it), restored after a failing session, restored
 * by the launcher when the worker died, and a SevereServiceError when set-up cannot go on.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DeviceProxyService, deviceProxyOptionsFromEnv, PROXY_CAPABILITY, realDeviceProxyServices, type DeviceProxyServiceOptions } from '../../proxy/wdio/index.ts';
import type { RecordingProxy, RecordingProxyOptions } from '../../proxy/types.ts';
import { standIns, type StandIns } from './support/device-stand-ins.ts';

const SERIAL = 'emulator-5554';
const UDID = '5C2A1F0E-7D3B-4C1A-9E2F-0123456789AB';
const MOCK = 'http://127.0.0.1:4010';
const PORT = 8899;
const adb = (rest: string) => `adb -s ${SERIAL} ${rest}`;

let devices: StandIns;
let started: RecordingProxyOptions[];
let stopped: number;
let options: DeviceProxyServiceOptions;

function fakeProxy(proxyOptions: RecordingProxyOptions): Promise<RecordingProxy> {
  started.push(proxyOptions);
  return Promise.resolve({ url: `http://127.0.0.1:${PORT}`, port: PORT, ca: proxyOptions.ca, passed: () => [], stop: async () => void stopped++ });
}

/** The launcher after onPrepare and onWorkerStart for one capability, and the capability as the worker gets it. */
async function launch(capability: Record<string, unknown>, cid = '0-0'): Promise<{ launcher: DeviceProxyService; caps: Record<string, unknown> }> {
  const launcher = new DeviceProxyService(options);
  await launcher.onPrepare();
  const caps = structuredClone({ ...capability, 'appium:mockServerUrl': MOCK });
  await launcher.onWorkerStart(cid, caps as WebdriverIO.Capabilities);
  return { launcher, caps };
}

const planFiles = () => readdirSync(join(devices.dir, 'state')).filter((name) => name.startsWith('restore-'));
const commandLog = () => readFileSync(join(devices.dir, 'state', 'device-commands.log'), 'utf8');

beforeEach(() => {
  devices = standIns({ android: { [SERIAL]: { http_proxy: '10.1.2.3:3128' } }, simulators: { [UDID]: {} }, mac: { services: { 'Wi-Fi': {} } } });
  started = [];
  stopped = 0;
  options = {
    backend: { ensureCertificateAuthority: async () => devices.ca, startRecordingProxy: fakeProxy },
    stateDir: join(devices.dir, 'state'),
    env: devices.env,
  };
});
afterEach(() => devices.cleanUp());

describe('DeviceProxyService', () => {
  it('starts one proxy per mock and hands the worker its port and the CA files, never the key', async () => {
    const { launcher, caps } = await launch({ platformName: 'Android', 'appium:udid': SERIAL });
    const second = { platformName: 'Android', 'appium:mockServerUrl': MOCK };
    await launcher.onWorkerStart('0-1', second as WebdriverIO.Capabilities);
    assert.equal(started.length, 1);
    assert.equal(started[0]!.targetUrl, MOCK);
    assert.equal(started[0]!.ca, devices.ca);
    const handed = caps[PROXY_CAPABILITY] as { port: number; ca: Record<string, string> };
    assert.equal(handed.port, PORT);
    assert.deepEqual(Object.keys(handed.ca).sort(), ['androidSystemPath', 'certPath', 'derPath', 'subjectHashOld']);
    assert.ok(!JSON.stringify(caps).includes('never-shown'));
    await launcher.onComplete();
    assert.equal(stopped, 1);
  });

  it('prepares an Android device named in the capabilities before the session, and restores it after a failing session', async () => {
    const { caps } = await launch({ platformName: 'Android', 'appium:udid': SERIAL });
    const worker = new DeviceProxyService(options);
    await worker.beforeSession({}, caps, [], '0-0');
    assert.equal(caps[PROXY_CAPABILITY], undefined, 'Appium does not get the service capability');
    assert.equal(devices.state().android![SERIAL]!.http_proxy, `127.0.0.1:${PORT}`);
    assert.deepEqual(planFiles(), ['restore-0-0.json'], 'the restore plan is kept until it has run');

    await worker.before(caps, [], { capabilities: { ...caps } });
    await worker.after(1, caps, []); // the session's specs failed: WDIO still calls after
    assert.equal(devices.state().android![SERIAL]!.http_proxy, '10.1.2.3:3128');
    assert.deepEqual(devices.state().android![SERIAL]!.reverse, []);
    assert.deepEqual(planFiles(), []);
    const logged = commandLog();
    for (const command of devices.invocations()) assert.ok(logged.includes(`[0-0] $ ${command}\n`), `logged: ${command}`);
  });

  it('restores from the launcher when the worker died before its after hook', async () => {
    const { launcher, caps } = await launch({ platformName: 'Android', 'appium:udid': SERIAL });
    await new DeviceProxyService(options).beforeSession({}, caps, [], '0-0');
    const setUp = devices.invocations().length;
    await launcher.onWorkerEnd('0-0');
    assert.deepEqual(devices.invocations().slice(setUp), [
      adb('shell settings put global http_proxy 10.1.2.3:3128'),
      adb(`reverse --remove tcp:${PORT}`),
      adb(`shell rm -f /sdcard/Download/intercom-conformance-ca-${devices.ca.subjectHashOld}.crt`),
    ]);
    assert.equal(devices.state().android![SERIAL]!.http_proxy, '10.1.2.3:3128');
    assert.deepEqual(planFiles(), []);
    assert.match(commandLog(), /worker 0-0 ended without restoring android emulator-5554; restoring it from the launcher/);
  });

  it('prepares the device Appium picked (no udid requested) once the session is up', async () => {
    const { caps } = await launch({ platformName: 'iOS', 'appium:deviceName': 'iPhone 15' });
    const worker = new DeviceProxyService(options);
    await worker.beforeSession({}, caps, [], '0-0');
    assert.deepEqual(devices.invocations(), []);
    await worker.before(caps, [], { capabilities: { platformName: 'iOS', 'appium:udid': UDID } });
    assert.deepEqual(devices.state().simulators![UDID]!.rootCerts, [devices.ca.certPem]);
    assert.equal(devices.state().mac!.services['Wi-Fi']!.web!.server, '127.0.0.1');
    await worker.after(0, caps, []);
    assert.equal(devices.state().mac!.services['Wi-Fi']!.web!.enabled, false);
  });

  it('stops the worker with a SevereServiceError when the device cannot be set up, leaving it as it was', async () => {
    devices.failOn(adb('reverse tcp:'));
    const { caps } = await launch({ platformName: 'Android', 'appium:udid': SERIAL });
    await assert.rejects(new DeviceProxyService(options).beforeSession({}, caps, [], '0-0'), (error: Error) => {
      assert.equal(error.name, 'SevereServiceError');
      assert.match(error.message, /android emulator-5554 could not be set up for the recording proxy: adb -s emulator-5554 reverse tcp:8899 tcp:8899 exited 1/);
      return true;
    });
    assert.equal(devices.state().android![SERIAL]!.http_proxy, '10.1.2.3:3128');
    assert.deepEqual(devices.state().android![SERIAL]!.files, {});
    assert.deepEqual(planFiles(), []);
  });

  it('stops the run with a SevereServiceError when no mock is in front of it or the session names no device', async () => {
    const launcher = new DeviceProxyService(options);
    await launcher.onPrepare();
    await assert.rejects(launcher.onWorkerStart('0-0', { platformName: 'Android' }), { name: 'SevereServiceError', message: /no appium:mockServerUrl; list MockServerLauncher/ });
    const { caps } = await launch({ platformName: 'Android' });
    const worker = new DeviceProxyService(options);
    await worker.beforeSession({}, caps, [], '0-0');
    await assert.rejects(worker.before(caps, [], { capabilities: { platformName: 'Android' } }), { name: 'SevereServiceError', message: /name no device \(appium:udid\)/ });
    assert.ok(!existsSync(join(devices.dir, 'state', 'restore-0-0.json')));
  });
});

/** Whether something accepts TCP connections on 127.0.0.1:<port>. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('DeviceProxyService with the project recording proxy', () => {
  it('makes the CA, starts a listening proxy for the worker and stops it at onComplete', async () => {
    const caDir = mkdtempSync(join(tmpdir(), 'device-ca-'));
    const before = process.env['CONFORMANCE_CA_DIR'];
    process.env['CONFORMANCE_CA_DIR'] = caDir;
    const launcher = new DeviceProxyService({ stateDir: join(devices.dir, 'state'), env: devices.env });
    try {
      await launcher.onPrepare();
      const caps: Record<string, unknown> = { platformName: 'Android', 'appium:mockServerUrl': MOCK };
      await launcher.onWorkerStart('0-0', caps as WebdriverIO.Capabilities);
      const handed = caps[PROXY_CAPABILITY] as { port: number; ca: { certPath: string; subjectHashOld: string } };
      assert.ok(handed.ca.certPath.startsWith(caDir) && /^[0-9a-f]{8}$/.test(handed.ca.subjectHashOld));
      assert.equal(await listening(handed.port), true);
      await launcher.onComplete();
      assert.equal(await listening(handed.port), false);
    } finally {
      await launcher.onComplete(); // a failed assertion must not leave the proxy open
      if (before === undefined) delete process.env['CONFORMANCE_CA_DIR'];
      else process.env['CONFORMANCE_CA_DIR'] = before;
      rmSync(caDir, { recursive: true, force: true });
    }
  });
});

describe('the real-device configs\' service entry', () => {
  it('is DeviceProxyService by default and nothing with CONFORMANCE_DEVICE_PROXY=off', () => {
    const [entry] = realDeviceProxyServices({ MOBILE_REPORTS_DIR: '/tmp/r', ANDROID_CA_STORE: 'system' }) as [[unknown, Record<string, unknown>]];
    assert.equal(entry[0], DeviceProxyService);
    assert.equal(entry[1]['stateDir'], '/tmp/r/devices');
    assert.equal(entry[1]['androidSystemStore'], true);
    assert.deepEqual(realDeviceProxyServices({ CONFORMANCE_DEVICE_PROXY: 'off' }), []);
  });

  it('names the variable whose value it cannot use', () => {
    assert.throws(() => realDeviceProxyServices({ CONFORMANCE_DEVICE_PROXY: 'no' }), /CONFORMANCE_DEVICE_PROXY=no is neither on nor off/);
    assert.throws(() => deviceProxyOptionsFromEnv({ ANDROID_PROXY_ADDRESS: '10.0.2.2' }), /ANDROID_PROXY_ADDRESS=10\.0\.2\.2 is not host:port/);
    assert.throws(() => deviceProxyOptionsFromEnv({ ANDROID_CA_STORE: 'apex' }), /ANDROID_CA_STORE=apex is neither user nor system/);
    assert.deepEqual(deviceProxyOptionsFromEnv({ IOS_PROXY_NETWORK_SERVICES: 'Wi-Fi, Ethernet', IOS_PROXY_SUDO: '1' }), { androidSystemStore: false, iosNetworkServices: ['Wi-Fi', 'Ethernet'], iosProxySudo: true });
  });
});
