import type { CertificateAuthority } from '../types.ts';
import type { DeviceCommands } from './device-commands.ts';
import { SetupSteps, type RestorePlan } from './restore-plan.ts';
import { preparedDevice, type PreparedDevice } from './prepared-device.ts';

export interface AndroidSetupOptions {
  /** The device's adb serial (`adb devices`), e.g. `emulator-5554`; Appium's `appium:udid`. */
  serial: string;
  /** The recording proxy's port on this machine. */
  proxyPort: number;
  ca: Pick<CertificateAuthority, 'derPath' | 'androidSystemPath' | 'subjectHashOld'>;
  /**
   * Where the device reaches the proxy, `host:port`. Default: `adb reverse tcp:<port> tcp:<port>`
   * and `127.0.0.1:<port>`, which works for emulators and USB devices alike and needs the proxy on
   * loopback only.
   */
  proxyAddress?: string;
  /**
   * Also put the CA in the system store (`adb root`, `adb remount`, push `<hash>.0` to
   * /system/etc/security/cacerts/): needs an emulator started with `-writable-system` and an image
   * that allows `adb root` (google_apis, not google_play). Android 14+ reads its CAs from the
   * Conscrypt APEX instead, so there the system store route does not take (docs/real-devices.md).
   */
  systemStore?: boolean;
  commands: DeviceCommands;
  log: (line: string) => void;
  /** Called with the restore plan each time it grows (keep it where a crashed worker cannot lose it). */
  onPlan?: (plan: RestorePlan) => void;
}

const SYSTEM_CACERTS = '/system/etc/security/cacerts';
const USER_DOWNLOADS = '/sdcard/Download';

/** `settings get global http_proxy` prints `null` (never set) or `:0` (cleared) when there is no proxy. */
function previousProxy(output: string): string | null {
  const value = output.trim();
  return value === '' || value === 'null' || value === ':0' ? null : value;
}

/**
 * Points an Android emulator or device at the recording proxy and gives it the run's CA:
 * reads the current global proxy, pushes the CA's DER to the Download folder (the user store,
 * installed from Settings; Android 11+ asks the user to confirm it), optionally installs it in the
 * system store, then routes traffic through the proxy last, so nothing goes through it before the
 * device can trust it. The returned device's `restore()` undoes all of it; a failing step undoes
 * what was done before the error goes on.
 */
export async function prepareAndroidDevice(options: AndroidSetupOptions): Promise<PreparedDevice> {
  const { serial, proxyPort, ca, commands, log } = options;
  const adb = (...args: string[]) => ['-s', serial, ...args];
  const steps = new SetupSteps(commands, log, options.onPlan);
  log(`android ${serial}: routing through the recording proxy on port ${proxyPort}`);

  await steps.guard(async () => {
    const current = previousProxy((await commands.run('adb', adb('shell', 'settings', 'get', 'global', 'http_proxy'))).stdout);
    log(`android ${serial}: global http_proxy was ${current ?? 'unset'}`);

    const userCopy = `${USER_DOWNLOADS}/intercom-conformance-ca-${ca.subjectHashOld}.crt`;
    await commands.run('adb', adb('push', ca.derPath, userCopy));
    steps.undoLater({ tool: 'adb', args: adb('shell', 'rm', '-f', userCopy), undoes: `the CA copy in ${USER_DOWNLOADS}` });

    if (options.systemStore) {
      const systemCopy = `${SYSTEM_CACERTS}/${ca.subjectHashOld}.0`;
      await commands.run('adb', adb('root'));
      // adbd restarts as root; the next command must wait for it to be back.
      await commands.run('adb', adb('wait-for-device'));
      await commands.run('adb', adb('remount'));
      // A CA already in the system store (an emulator snapshot that has it) is left there.
      const present = (await commands.attempt('adb', adb('shell', 'ls', systemCopy))).code === 0;
      if (present) log(`android ${serial}: ${systemCopy} is already there; it stays after the run`);
      else {
        await commands.run('adb', adb('push', ca.androidSystemPath, systemCopy));
        steps.undoLater({ tool: 'adb', args: adb('shell', 'rm', '-f', systemCopy), undoes: `the CA in the system store (${systemCopy})` });
        await commands.run('adb', adb('shell', 'chmod', '644', systemCopy));
      }
    }

    let address = options.proxyAddress;
    if (!address) {
      await commands.run('adb', adb('reverse', `tcp:${proxyPort}`, `tcp:${proxyPort}`));
      steps.undoLater({ tool: 'adb', args: adb('reverse', '--remove', `tcp:${proxyPort}`), undoes: `the adb reverse of port ${proxyPort}` });
      address = `127.0.0.1:${proxyPort}`;
    }
    await commands.run('adb', adb('shell', 'settings', 'put', 'global', 'http_proxy', address));
    steps.undoLater({ tool: 'adb', args: adb('shell', 'settings', 'put', 'global', 'http_proxy', current ?? ':0'), undoes: `the global http_proxy (back to ${current ?? ':0'})` });
  });

  return preparedDevice('android', serial, steps.plan, commands, log);
}
