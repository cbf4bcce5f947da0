import type { CertificateAuthority } from '../types.ts';
import type { DeviceCommands } from './device-commands.ts';
import { SetupSteps, type RestorePlan, type RestoreStep } from './restore-plan.ts';
import { preparedDevice, type PreparedDevice } from './prepared-device.ts';

export interface IosSimulatorSetupOptions {
  /** The simulator's UDID (`xcrun simctl list devices`); Appium's `appium:udid`. */
  udid: string;
  /** The recording proxy's port on this Mac. */
  proxyPort: number;
  ca: Pick<CertificateAuthority, 'certPath'>;
  /**
   * The Mac's network services whose web and secure web proxy are pointed at the recording proxy
   * (a simulator's traffic takes the Mac's proxy settings). Default `'enabled'`: every enabled
   * service `networksetup -listallnetworkservices` lists. `'none'` leaves the Mac's proxy alone
   * (set it yourself).
   */
  networkServices?: string[] | 'enabled' | 'none';
  commands: DeviceCommands;
  log: (line: string) => void;
  onPlan?: (plan: RestorePlan) => void;
}

interface MacProxy {
  enabled: boolean;
  server: string;
  port: string;
}

/** `networksetup -getwebproxy` prints `Enabled: Yes|No`, `Server: …`, `Port: …`, one per line. */
export function parseMacProxy(output: string): MacProxy {
  const field = (name: string) => output.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'm'))?.[1]?.trim() ?? '';
  return { enabled: field('Enabled') === 'Yes', server: field('Server'), port: field('Port') || '0' };
}

/** The enabled services of `networksetup -listallnetworkservices` (its first line is a note; `*` marks a disabled one). */
export function enabledNetworkServices(output: string): string[] {
  return output
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('*'));
}

const PROXY_KINDS = [
  { get: '-getwebproxy', set: '-setwebproxy', state: '-setwebproxystate', name: 'web proxy' },
  { get: '-getsecurewebproxy', set: '-setsecurewebproxy', state: '-setsecurewebproxystate', name: 'secure web proxy' },
] as const;

/** The steps that put one proxy setting back as it was (run in the order returned). */
function undoMacProxy(service: string, kind: (typeof PROXY_KINDS)[number], previous: MacProxy): RestoreStep[] {
  const what = `the ${kind.name} of "${service}"`;
  const steps: RestoreStep[] = [];
  if (previous.server) steps.push({ tool: 'networksetup', args: [kind.set, service, previous.server, previous.port], undoes: `${what} (back to ${previous.server}:${previous.port})` });
  if (!previous.enabled) steps.push({ tool: 'networksetup', args: [kind.state, service, 'off'], undoes: `${what} (back to off)` });
  return steps;
}

/**
 * Gives an iOS simulator the run's CA and sends its traffic through the recording proxy:
 * `xcrun simctl keychain <udid> add-root-cert`, then the Mac's web and secure web proxy of each
 * chosen network service, read first and put back by `restore()`. The root certificate stays in
 * the simulator's keychain: simctl can add certificates but removes them only all at once
 * (`keychain reset`), which would take the user's own with them (docs/real-devices.md).
 */
export async function prepareIosSimulator(options: IosSimulatorSetupOptions): Promise<PreparedDevice> {
  const { udid, proxyPort, ca, commands, log } = options;
  const steps = new SetupSteps(commands, log, options.onPlan);
  log(`ios ${udid}: routing through the recording proxy on port ${proxyPort}`);

  await steps.guard(async () => {
    await commands.run('xcrun', ['simctl', 'keychain', udid, 'add-root-cert', ca.certPath]);
    log(`ios ${udid}: the CA stays in the simulator's keychain after the run (simctl removes certificates only with keychain reset)`);

    const choice = options.networkServices ?? 'enabled';
    if (choice === 'none') {
      log(`ios ${udid}: the Mac's proxy settings are left alone; point them at 127.0.0.1:${proxyPort} yourself`);
      return;
    }
    const services = choice === 'enabled' ? enabledNetworkServices((await commands.run('networksetup', ['-listallnetworkservices'])).stdout) : choice;
    if (services.length === 0) throw new Error('networksetup -listallnetworkservices lists no enabled network service to route through the recording proxy; name one with networkServices');
    for (const service of services) {
      for (const kind of PROXY_KINDS) {
        const previous = parseMacProxy((await commands.run('networksetup', [kind.get, service])).stdout);
        log(`ios ${udid}: ${kind.name} of "${service}" was ${previous.enabled ? `${previous.server}:${previous.port}` : 'off'}`);
        await commands.run('networksetup', [kind.set, service, '127.0.0.1', String(proxyPort)]);
        for (const undo of undoMacProxy(service, kind, previous).reverse()) steps.undoLater(undo);
      }
    }
  });

  return preparedDevice('ios', udid, steps.plan, commands, log);
}
