/**
 * Device set-up for the recording proxy, proven against recording stand-ins for adb, xcrun and
 * networksetup (test/proxy/stand-ins/) first on PATH: the exact commands for set-up and restore on
 * Android and the iOS simulator, the previous proxy put back, restore after a failure midway,
 * the error when a tool is missing, and a log line for every command run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { DeviceCommands, MissingDeviceToolError, prepareAndroidDevice, prepareIosSimulator } from '../../proxy/devices/index.ts';
import { standIns, type StandIns } from './support/device-stand-ins.ts';

const SERIAL = 'emulator-5554';
const UDID = '5C2A1F0E-7D3B-4C1A-9E2F-0123456789AB';
const PORT = 8899;
const DOWNLOAD = `/sdcard/Download/intercom-conformance-ca-9a5ba575.crt`;
const SYSTEM = '/system/etc/security/cacerts/9a5ba575.0';
const adb = (rest: string) => `adb -s ${SERIAL} ${rest}`;

let devices: StandIns;
let log: string[];
const commands = (secrets?: string[]) => new DeviceCommands({ log: (line) => log.push(line), env: devices.env, ...(secrets ? { secrets } : {}) });

/** The command lines the runner logged, in order (`$ …` lines). */
const loggedCommands = () => log.filter((line) => line.startsWith('$ ')).map((line) => line.slice(2));

afterEach(() => devices.cleanUp());

describe('Android: adb reverse + global http_proxy, CA in the user store', () => {
  beforeEach(() => {
    devices = standIns({ android: { [SERIAL]: {} } });
    log = [];
  });

  it('reads the proxy, pushes the DER, reverses the port and sets the proxy last; restore undoes each in reverse', async () => {
    const device = await prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    assert.deepEqual(devices.invocations(), [
      adb('shell settings get global http_proxy'),
      adb(`push ${devices.ca.derPath} ${DOWNLOAD}`),
      adb(`reverse tcp:${PORT} tcp:${PORT}`),
      adb(`shell settings put global http_proxy 127.0.0.1:${PORT}`),
    ]);
    const during = devices.state().android![SERIAL]!;
    assert.equal(during.http_proxy, `127.0.0.1:${PORT}`);
    assert.deepEqual(during.reverse, [`tcp:${PORT}`]);
    assert.deepEqual(Object.keys(during.files!), [DOWNLOAD]);

    await device.restore();
    assert.deepEqual(devices.invocations().slice(4), [
      adb('shell settings put global http_proxy :0'),
      adb(`reverse --remove tcp:${PORT}`),
      adb(`shell rm -f ${DOWNLOAD}`),
    ]);
    const after = devices.state().android![SERIAL]!;
    assert.equal(after.http_proxy, ':0', 'no proxy before, so the proxy is cleared');
    assert.deepEqual(after.reverse, []);
    assert.deepEqual(after.files, {});
  });

  it('puts back the proxy the device had, and uses a host:port given instead of adb reverse', async () => {
    devices.cleanUp();
    devices = standIns({ android: { [SERIAL]: { http_proxy: '10.1.2.3:3128' } } });
    const device = await prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, proxyAddress: `10.0.2.2:${PORT}`, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    assert.equal(devices.state().android![SERIAL]!.http_proxy, `10.0.2.2:${PORT}`);
    await device.restore();
    assert.deepEqual(devices.invocations(), [
      adb('shell settings get global http_proxy'),
      adb(`push ${devices.ca.derPath} ${DOWNLOAD}`),
      adb(`shell settings put global http_proxy 10.0.2.2:${PORT}`),
      adb('shell settings put global http_proxy 10.1.2.3:3128'),
      adb(`shell rm -f ${DOWNLOAD}`),
    ]);
    assert.equal(devices.state().android![SERIAL]!.http_proxy, '10.1.2.3:3128');
  });

  it('with systemStore: roots, remounts, pushes <hash>.0 with mode 644, and removes it at restore', async () => {
    const device = await prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, systemStore: true, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    assert.deepEqual(devices.invocations(), [
      adb('shell settings get global http_proxy'),
      adb(`push ${devices.ca.derPath} ${DOWNLOAD}`),
      adb('root'),
      adb('wait-for-device'),
      adb('remount'),
      adb(`shell ls ${SYSTEM}`),
      adb(`push ${devices.ca.androidSystemPath} ${SYSTEM}`),
      adb(`shell chmod 644 ${SYSTEM}`),
      adb(`reverse tcp:${PORT} tcp:${PORT}`),
      adb(`shell settings put global http_proxy 127.0.0.1:${PORT}`),
    ]);
    assert.equal(devices.state().android![SERIAL]!.files![SYSTEM]!.mode, '644');
    await device.restore();
    assert.deepEqual(devices.invocations().slice(10), [
      adb('shell settings put global http_proxy :0'),
      adb(`reverse --remove tcp:${PORT}`),
      adb(`shell rm -f ${SYSTEM}`),
      adb(`shell rm -f ${DOWNLOAD}`),
    ]);
    assert.deepEqual(devices.state().android![SERIAL]!.files, {});
  });

  it('leaves a system-store CA that was there before the run', async () => {
    devices.cleanUp();
    devices = standIns({ android: { [SERIAL]: { files: { [SYSTEM]: { from: 'snapshot', mode: '644' } } } } });
    const device = await prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, systemStore: true, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    await device.restore();
    assert.ok(!devices.invocations().some((line) => line.startsWith(adb(`push ${devices.ca.androidSystemPath}`))), 'not pushed again');
    assert.ok(!devices.invocations().includes(adb(`shell rm -f ${SYSTEM}`)), 'not removed');
    assert.deepEqual(Object.keys(devices.state().android![SERIAL]!.files!), [SYSTEM]);
  });

  it('when a step fails midway, undoes what was done and throws naming the failed command', async () => {
    devices.failOn(adb('shell settings put global http_proxy 127.0.0.1'));
    await assert.rejects(
      prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, ca: devices.ca, commands: commands(), log: (line) => log.push(line) }),
      (error: Error) => error.message.includes(`adb -s ${SERIAL} shell settings put global http_proxy 127.0.0.1:${PORT} exited 1`),
    );
    assert.deepEqual(devices.invocations(), [
      adb('shell settings get global http_proxy'),
      adb(`push ${devices.ca.derPath} ${DOWNLOAD}`),
      adb(`reverse tcp:${PORT} tcp:${PORT}`),
      adb(`shell settings put global http_proxy 127.0.0.1:${PORT}`),
      adb(`reverse --remove tcp:${PORT}`),
      adb(`shell rm -f ${DOWNLOAD}`),
    ]);
    const after = devices.state().android![SERIAL]!;
    assert.deepEqual(after.reverse, []);
    assert.deepEqual(after.files, {});
    assert.equal(after.http_proxy, undefined, 'the proxy was never changed');
  });

  it('restore attempts every step even when one fails, and says which are left', async () => {
    const device = await prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    devices.failOn(adb('reverse --remove'));
    await assert.rejects(device.restore(), /the adb reverse of port 8899/);
    assert.deepEqual(devices.invocations().slice(4), [adb('shell settings put global http_proxy :0'), adb(`reverse --remove tcp:${PORT}`), adb(`shell rm -f ${DOWNLOAD}`)]);
    assert.equal(devices.state().android![SERIAL]!.http_proxy, ':0');
  });

  it('logs every command line and its exit code, and nothing of the CA key', async () => {
    const device = await prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, systemStore: true, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    await device.restore();
    assert.deepEqual(loggedCommands(), devices.invocations());
    for (const [index, line] of log.entries()) if (line.startsWith('$ ')) assert.match(log[index + 1]!, /^ {2}exit \d+/, `an exit line follows ${line}`);
    assert.ok(log.some((line) => line === `  exit 1: ls: ${SYSTEM}: No such file or directory`), 'a failing probe is logged with its exit code');
    assert.ok(!log.join('\n').includes('never-shown') && !log.join('\n').includes(devices.ca.keyPath));
  });

  it('keeps a secret out of the log', async () => {
    await commands(['s3cr3t-token']).attempt('adb', ['-s', SERIAL, 'shell', 'settings', 'put', 'global', 'http_proxy', 's3cr3t-token@10.0.0.1:80']);
    assert.ok(log.length > 0 && !log.join('\n').includes('s3cr3t-token'), log.join('\n'));
    assert.ok(log[0]!.includes('[redacted]@10.0.0.1:80'));
  });

  it('names adb and how to install it when adb is not on PATH', async () => {
    const emptyPath = mkdtempSync(join(tmpdir(), 'no-tools-'));
    const missing = new DeviceCommands({ log: (line) => log.push(line), env: { ...devices.env, PATH: emptyPath } });
    await assert.rejects(prepareAndroidDevice({ serial: SERIAL, proxyPort: PORT, ca: devices.ca, commands: missing, log: (line) => log.push(line) }), (error: Error) => {
      assert.ok(error instanceof MissingDeviceToolError);
      assert.match(error.message, /^adb was not found on PATH; .*platform-tools/);
      return true;
    });
    assert.deepEqual(devices.invocations(), []);
    assert.ok(log.includes(`$ adb -s ${SERIAL} shell settings get global http_proxy`) && log.includes('  adb: not found on PATH'));
  });
});

describe('iOS simulator: root cert in the keychain, the Mac proxy of each enabled network service', () => {
  const services = () => ({
    'Wi-Fi': { web: { enabled: true, server: 'corp-proxy.example', port: '3128' }, secure: { enabled: false, server: '', port: '0' } },
    Ethernet: {},
    'Bluetooth PAN': { disabled: true },
  });

  beforeEach(() => {
    devices = standIns({ simulators: { [UDID]: {} }, mac: { services: services() } });
    log = [];
  });

  it('adds the root cert, reads then sets web and secure web proxy per enabled service; restore puts each back', async () => {
    const device = await prepareIosSimulator({ udid: UDID, proxyPort: PORT, ca: devices.ca, commands: commands(), log: (line) => log.push(line) });
    assert.deepEqual(devices.invocations(), [
      `xcrun simctl keychain ${UDID} add-root-cert ${devices.ca.certPath}`,
      'networksetup -listallnetworkservices',
      'networksetup -getwebproxy Wi-Fi',
      `networksetup -setwebproxy Wi-Fi 127.0.0.1 ${PORT}`,
      'networksetup -getsecurewebproxy Wi-Fi',
      `networksetup -setsecurewebproxy Wi-Fi 127.0.0.1 ${PORT}`,
      'networksetup -getwebproxy Ethernet',
      `networksetup -setwebproxy Ethernet 127.0.0.1 ${PORT}`,
      'networksetup -getsecurewebproxy Ethernet',
      `networksetup -setsecurewebproxy Ethernet 127.0.0.1 ${PORT}`,
    ]);
    const during = devices.state();
    assert.deepEqual(during.simulators![UDID]!.rootCerts, [devices.ca.certPem]);
    assert.deepEqual(during.mac!.services['Wi-Fi']!.secure, { enabled: true, server: '127.0.0.1', port: String(PORT) });

    await device.restore();
    assert.deepEqual(devices.invocations().slice(10), [
      'networksetup -setsecurewebproxystate Ethernet off',
      'networksetup -setwebproxystate Ethernet off',
      'networksetup -setsecurewebproxystate Wi-Fi off',
      'networksetup -setwebproxy Wi-Fi corp-proxy.example 3128',
    ]);
    const after = devices.state().mac!.services;
    assert.deepEqual(after['Wi-Fi']!.web, { enabled: true, server: 'corp-proxy.example', port: '3128' }, 'the previous proxy is back');
    assert.equal(after['Wi-Fi']!.secure!.enabled, false);
    assert.equal(after['Ethernet']!.web!.enabled, false);
    assert.equal(after['Ethernet']!.secure!.enabled, false);
    assert.equal(after['Bluetooth PAN']!.web, undefined, 'a disabled service is not touched');
    assert.deepEqual(loggedCommands(), devices.invocations());
  });

  it('runs networksetup through sudo -n when asked, restore included', async () => {
    const elevated = new DeviceCommands({ log: (line) => log.push(line), env: devices.env, sudo: ['networksetup'] });
    const device = await prepareIosSimulator({ udid: UDID, proxyPort: PORT, ca: devices.ca, networkServices: ['Ethernet'], commands: elevated, log: (line) => log.push(line) });
    await device.restore();
    assert.deepEqual(loggedCommands(), [
      `xcrun simctl keychain ${UDID} add-root-cert ${devices.ca.certPath}`,
      'sudo -n networksetup -getwebproxy Ethernet',
      `sudo -n networksetup -setwebproxy Ethernet 127.0.0.1 ${PORT}`,
      'sudo -n networksetup -getsecurewebproxy Ethernet',
      `sudo -n networksetup -setsecurewebproxy Ethernet 127.0.0.1 ${PORT}`,
      'sudo -n networksetup -setsecurewebproxystate Ethernet off',
      'sudo -n networksetup -setwebproxystate Ethernet off',
    ]);
    assert.deepEqual(devices.invocations().filter((line) => line.startsWith('sudo ')), loggedCommands().filter((line) => line.startsWith('sudo ')));
    assert.equal(devices.state().mac!.services['Ethernet']!.web!.enabled, false);
  });

  it("with networkServices 'none' only adds the root cert", async () => {
    const device = await prepareIosSimulator({ udid: UDID, proxyPort: PORT, ca: devices.ca, networkServices: 'none', commands: commands(), log: (line) => log.push(line) });
    await device.restore();
    assert.deepEqual(devices.invocations(), [`xcrun simctl keychain ${UDID} add-root-cert ${devices.ca.certPath}`]);
  });

  it('when a step fails midway, puts back the services already changed', async () => {
    devices.failOn('networksetup -setsecurewebproxy Ethernet');
    await assert.rejects(prepareIosSimulator({ udid: UDID, proxyPort: PORT, ca: devices.ca, commands: commands(), log: (line) => log.push(line) }), /networksetup -setsecurewebproxy Ethernet 127\.0\.0\.1 8899 exited 1/);
    assert.deepEqual(devices.invocations().slice(10), ['networksetup -setwebproxystate Ethernet off', 'networksetup -setsecurewebproxystate Wi-Fi off', 'networksetup -setwebproxy Wi-Fi corp-proxy.example 3128']);
    const after = devices.state().mac!.services;
    assert.deepEqual(after['Wi-Fi']!.web, { enabled: true, server: 'corp-proxy.example', port: '3128' });
    assert.equal(after['Wi-Fi']!.secure!.enabled, false);
    assert.equal(after['Ethernet']!.web!.enabled, false);
  });

  it('stops before touching the Mac when the simulator is unknown', async () => {
    await assert.rejects(prepareIosSimulator({ udid: 'no-such-udid', proxyPort: PORT, ca: devices.ca, commands: commands(), log: (line) => log.push(line) }), /xcrun simctl keychain no-such-udid add-root-cert .* exited 148: Invalid device: no-such-udid/);
    assert.deepEqual(devices.invocations(), [`xcrun simctl keychain no-such-udid add-root-cert ${devices.ca.certPath}`]);
  });

  it('names xcrun and how to get it when it is not on PATH', async () => {
    const missing = new DeviceCommands({ log: (line) => log.push(line), env: { ...devices.env, PATH: mkdtempSync(join(tmpdir(), 'no-tools-')) } });
    await assert.rejects(prepareIosSimulator({ udid: UDID, proxyPort: PORT, ca: devices.ca, commands: missing, log: (line) => log.push(line) }), /^MissingDeviceToolError: xcrun was not found on PATH; .*Xcode/);
  });
});
