// A recording stand-in for adb, xcrun, networksetup and sudo -n (test/proxy/device-setup.test.ts puts this
// folder first on PATH). Each invocation is appended as a JSON line {tool, args} to $STAND_IN_LOG;
// the devices' state lives in the JSON file $STAND_IN_STATE, so a read answers what the last write
// put; $STAND_IN_FAIL is a JSON list of command-line prefixes ("adb -s emulator-5554 push") that
// fail with exit 1. Anything this stand-in does not know fails too, so an unexpected command shows.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export function main(tool) {
  const args = process.argv.slice(2);
  const { STAND_IN_LOG: logFile, STAND_IN_STATE: stateFile } = process.env;
  if (!logFile || !stateFile) fail(`${tool} stand-in: STAND_IN_LOG and STAND_IN_STATE must be set`, 2);
  appendFileSync(logFile, `${JSON.stringify({ tool, args })}\n`);
  const line = [tool, ...args].join(' ');
  const failing = JSON.parse(process.env.STAND_IN_FAIL ?? '[]');
  if (failing.some((prefix) => line.startsWith(prefix))) fail(`${tool} stand-in: failing "${line}" as the test asked`);
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  const answer = { adb, xcrun, networksetup }[tool](args, state);
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  if (answer) process.stdout.write(`${answer}\n`);
}

/** sudo -n <tool> <args>: logged, then <tool> runs (found on PATH, so the stand-in of it). */
export function sudo() {
  const args = process.argv.slice(2);
  appendFileSync(process.env.STAND_IN_LOG, `${JSON.stringify({ tool: 'sudo', args })}\n`);
  if (args[0] !== '-n' || !args[1]) fail('sudo stand-in: expected sudo -n <command> (never an interactive sudo)');
  const run = spawnSync(args[1], args.slice(2), { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function adb(args, state) {
  if (args[0] !== '-s' || !args[1]) fail('adb stand-in: every command names its device with -s <serial>');
  const serial = args[1];
  const device = state.android?.[serial];
  if (!device) fail(`adb: device '${serial}' not found`);
  device.reverse ??= [];
  device.files ??= {};
  const [command, ...rest] = args.slice(2);
  const words = rest.join(' ');
  switch (command) {
    case 'wait-for-device':
      return '';
    case 'root':
      device.root = true;
      return 'restarting adbd as root';
    case 'remount':
      if (!device.root) fail('remount failed: Not running as root. Try "adb root" first.');
      device.remounted = true;
      return 'remount succeeded';
    case 'push': {
      const [local, remote] = rest;
      if (!existsSync(local)) fail(`adb: error: cannot stat '${local}': No such file or directory`);
      if (remote.startsWith('/system/') && !device.remounted) fail(`adb: error: failed to copy '${local}' to '${remote}': Read-only file system`);
      device.files[remote] = { from: local, mode: '600' };
      return `${local}: 1 file pushed, 0 skipped.`;
    }
    case 'reverse':
      if (rest[0] === '--list') return device.reverse.map((entry) => `${serial} ${entry} ${entry}`).join('\n');
      if (rest[0] === '--remove') {
        if (!device.reverse.includes(rest[1])) fail(`adb: error: listener '${rest[1]}' not found`);
        device.reverse = device.reverse.filter((entry) => entry !== rest[1]);
        return '';
      }
      if (rest.length === 2 && rest[0] === rest[1]) {
        device.reverse.push(rest[0]);
        return rest[0].slice('tcp:'.length);
      }
      break;
    case 'shell':
      if (words === 'settings get global http_proxy') return device.http_proxy ?? 'null';
      if (rest.length === 5 && words.startsWith('settings put global http_proxy ')) {
        device.http_proxy = rest[4];
        return '';
      }
      if (rest[0] === 'ls' && rest.length === 2) {
        if (!device.files[rest[1]]) fail(`ls: ${rest[1]}: No such file or directory`);
        return rest[1];
      }
      if (rest[0] === 'chmod' && rest.length === 3) {
        if (!device.files[rest[2]]) fail(`chmod: ${rest[2]}: No such file or directory`);
        device.files[rest[2]].mode = rest[1];
        return '';
      }
      if (rest[0] === 'rm' && rest[1] === '-f' && rest.length === 3) {
        delete device.files[rest[2]];
        return '';
      }
      break;
  }
  fail(`adb stand-in: unknown command: adb ${args.join(' ')}`);
}

function xcrun(args, state) {
  const [simctl, keychain, udid, action, path] = args;
  if (simctl !== 'simctl' || keychain !== 'keychain' || action !== 'add-root-cert' || args.length !== 5) fail(`xcrun stand-in: unknown command: xcrun ${args.join(' ')}`);
  const simulator = state.simulators?.[udid];
  if (!simulator) fail(`Invalid device: ${udid}`, 148);
  if (!existsSync(path)) fail(`An error was encountered processing the command: no such file ${path}`);
  (simulator.rootCerts ??= []).push(readFileSync(path, 'utf8'));
  return '';
}

const PROXY_FLAGS = {
  '-getwebproxy': ['web', 'get'],
  '-getsecurewebproxy': ['secure', 'get'],
  '-setwebproxy': ['web', 'set'],
  '-setsecurewebproxy': ['secure', 'set'],
  '-setwebproxystate': ['web', 'state'],
  '-setsecurewebproxystate': ['secure', 'state'],
};

function networksetup(args, state) {
  const services = (state.mac ??= {}).services ?? {};
  if (args[0] === '-listallnetworkservices' && args.length === 1) {
    const names = Object.entries(services).map(([name, service]) => (service.disabled ? `*${name}` : name));
    return ['An asterisk (*) denotes that a network service is disabled.', ...names].join('\n');
  }
  const [flag, name, ...rest] = args;
  const [kind, action] = PROXY_FLAGS[flag] ?? [];
  const service = services[name];
  if (!kind) fail(`networksetup stand-in: unknown command: networksetup ${args.join(' ')}`);
  if (!service) fail(`** Error: The parameters were not valid. (${name} is not a network service)`, 4);
  const proxy = (service[kind] ??= { enabled: false, server: '', port: '0' });
  if (action === 'get' && rest.length === 0) return `Enabled: ${proxy.enabled ? 'Yes' : 'No'}\nServer: ${proxy.server}\nPort: ${proxy.port}\nAuthenticated Proxy Enabled: 0`;
  if (action === 'set' && rest.length === 2) return void Object.assign(proxy, { enabled: true, server: rest[0], port: rest[1] });
  if (action === 'state' && rest.length === 1 && ['on', 'off'].includes(rest[0])) return void (proxy.enabled = rest[0] === 'on');
  fail(`networksetup stand-in: unknown command: networksetup ${args.join(' ')}`);
}
