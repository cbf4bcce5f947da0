import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SevereServiceError } from 'webdriverio';
import { DeviceCommands, prepareAndroidDevice, prepareIosSimulator, runRestorePlan, type PreparedDevice, type RestorePlan } from '../devices/index.ts';
import { ensureCertificateAuthority, startRecordingProxy } from '../index.ts';
import type { CertificateAuthority, OtherTraffic, RecordingProxy, RecordingProxyOptions } from '../types.ts';
import { capabilityObject, deviceTarget, type DeviceTarget } from './device-target.ts';

/** What the service needs of the recording proxy (proxy/index.ts provides it). */
export interface RecordingProxyBackend {
  ensureCertificateAuthority(): Promise<CertificateAuthority>;
  startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy>;
}

/** The project's recording proxy, its CA under .conformance/ca/ (CONFORMANCE_CA_DIR overrides). */
const PROJECT_PROXY: RecordingProxyBackend = { ensureCertificateAuthority: () => ensureCertificateAuthority(), startRecordingProxy };

export interface DeviceProxyServiceOptions {
  /** Default: the project's recording proxy (proxy/index.ts); tests give a stand-in. */
  backend?: RecordingProxyBackend;
  /** Where the device-command log, the proxy's log and the restore plans go. Default reports/mobile/devices. */
  stateDir?: string;
  /** What the proxy does with traffic to hosts that are not Intercom's. Default pass-through. */
  otherTraffic?: OtherTraffic;
  /** Android: `host:port` the device reaches the proxy at, instead of `adb reverse` + 127.0.0.1. */
  androidProxyAddress?: string;
  /** Android: also install the CA in the system store (a `-writable-system` emulator). */
  androidSystemStore?: boolean;
  /** iOS simulator: the Mac's network services to point at the proxy. Default every enabled one. */
  iosNetworkServices?: string[] | 'enabled' | 'none';
  /** iOS simulator: run networksetup through `sudo -n` (macOS lets only an administrator change proxies). */
  iosProxySudo?: boolean;
  /** The environment adb/xcrun/networksetup run in. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The capability the launcher hands each worker: where its proxy listens and the CA files (never the key). */
export const PROXY_CAPABILITY = 'conformance:recordingProxy';

interface ProxyForWorker {
  url: string;
  port: number;
  ca: Pick<CertificateAuthority, 'certPath' | 'derPath' | 'androidSystemPath' | 'subjectHashOld'>;
}

interface SavedRestore {
  platform: PreparedDevice['platform'];
  id: string;
  plan: RestorePlan;
}

/**
 * Points the session's emulator, device or simulator at the recording proxy and puts it back
 * afterwards, in the manner of @wdio/appium-service.
 *
 * Launcher: `onPrepare` makes sure the CA exists; `onWorkerStart` starts one proxy in front of
 * each capability's mock (MockServerLauncher's `appium:mockServerUrl`) and hands it to the worker;
 * `onWorkerEnd` restores a device whose worker died before it could; `onComplete` stops the
 * proxies. Worker: `beforeSession` prepares the device when the capabilities name it (so the app
 * starts behind the proxy), else `before` does with the device Appium picked; `after` restores.
 * Each worker's restore plan is kept in a file until it has run, so a crash cannot lose it.
 */
export class DeviceProxyService {
  private readonly stateDir: string;
  private readonly proxies = new Map<string, Promise<RecordingProxy>>();
  private ca: CertificateAuthority | undefined;
  private proxy: ProxyForWorker | undefined;
  private device: PreparedDevice | undefined;
  private cid = 'launcher';
  private readonly backend: RecordingProxyBackend;

  constructor(readonly options: DeviceProxyServiceOptions = {}) {
    this.backend = options.backend ?? PROJECT_PROXY;
    this.stateDir = resolve(options.stateDir ?? 'reports/mobile/devices');
  }

  // ---- launcher ----

  async onPrepare(): Promise<void> {
    mkdirSync(this.stateDir, { recursive: true });
    try {
      this.ca = await this.backend.ensureCertificateAuthority();
    } catch (error) {
      throw new SevereServiceError(`the recording proxy's certificate authority could not be made: ${(error as Error).message}`);
    }
    this.log(`CA ${this.ca.certPath} (subject_hash_old ${this.ca.subjectHashOld})`);
  }

  async onWorkerStart(cid: string, capabilities: WebdriverIO.Capabilities): Promise<void> {
    const caps = capabilityObject(capabilities);
    const mockUrl = caps['appium:mockServerUrl'];
    if (typeof mockUrl !== 'string') throw new SevereServiceError(`worker ${cid}: its capability has no appium:mockServerUrl; list MockServerLauncher before DeviceProxyService in services`);
    if (!this.ca) throw new SevereServiceError(`worker ${cid}: DeviceProxyService.onPrepare did not run, so there is no CA`);
    const ca = this.ca;
    let proxy = this.proxies.get(mockUrl);
    if (!proxy) {
      proxy = this.backend.startRecordingProxy({
        targetUrl: mockUrl,
        ca,
        ...(this.options.otherTraffic ? { otherTraffic: this.options.otherTraffic } : {}),
        log: (line) => appendFileSync(join(this.stateDir, 'recording-proxy.log'), `${new Date().toISOString()} ${line}\n`),
      });
      this.proxies.set(mockUrl, proxy);
    }
    const running = await proxy.catch((error: Error) => {
      throw new SevereServiceError(`worker ${cid}: the recording proxy in front of ${mockUrl} did not start: ${error.message}`);
    });
    this.log(`worker ${cid}: recording proxy ${running.url} in front of ${mockUrl}`);
    const forWorker: ProxyForWorker = { url: running.url, port: running.port, ca: { certPath: ca.certPath, derPath: ca.derPath, androidSystemPath: ca.androidSystemPath, subjectHashOld: ca.subjectHashOld } };
    caps[PROXY_CAPABILITY] = forWorker;
  }

  async onWorkerEnd(cid: string): Promise<void> {
    const file = this.planFile(cid);
    if (!existsSync(file)) return;
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedRestore;
    this.log(`worker ${cid} ended without restoring ${saved.platform} ${saved.id}; restoring it from the launcher`);
    try {
      await runRestorePlan(saved.plan, this.commands(), (line) => this.log(line));
    } catch (error) {
      this.log((error as Error).message);
    } finally {
      rmSync(file, { force: true });
    }
  }

  async onComplete(): Promise<void> {
    const proxies = [...this.proxies.values()];
    this.proxies.clear();
    await Promise.all(proxies.map(async (proxy) => (await proxy.catch(() => undefined))?.stop()));
  }

  // ---- worker ----

  async beforeSession(_config: unknown, capabilities: unknown, _specs?: string[], cid?: string): Promise<void> {
    this.cid = cid ?? process.env['WDIO_WORKER_ID'] ?? 'worker';
    const caps = capabilityObject(capabilities);
    const proxy = caps[PROXY_CAPABILITY] as ProxyForWorker | undefined;
    // Appium need not see it: the service has what it needs.
    delete caps[PROXY_CAPABILITY];
    if (!proxy) throw new SevereServiceError(`worker ${this.cid}: no ${PROXY_CAPABILITY} capability; DeviceProxyService must be in the config's services so its launcher starts the proxy`);
    this.proxy = proxy;
    const target = this.target(caps);
    if (target.id) await this.prepare(target.platform, target.id);
  }

  async before(_capabilities: unknown, _specs: string[], browser: { capabilities: unknown }): Promise<void> {
    if (this.device || !this.proxy) return;
    const target = this.target(browser.capabilities);
    if (!target.id) throw new SevereServiceError(`worker ${this.cid}: the session's capabilities name no device (appium:udid); set ANDROID_UDID or IOS_UDID`);
    this.log(`worker ${this.cid}: the device was picked by Appium, so the app started before the proxy was in place; set ANDROID_UDID / IOS_UDID to prepare it first`);
    await this.prepare(target.platform, target.id);
  }

  async after(_result?: number, _capabilities?: unknown, _specs?: string[]): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.device = undefined;
    try {
      await device.restore();
      this.log(`worker ${this.cid}: ${device.platform} ${device.id} restored`);
    } catch (error) {
      this.log((error as Error).message);
    } finally {
      rmSync(this.planFile(this.cid), { force: true });
    }
  }

  // ---- both ----

  private target(capabilities: unknown): DeviceTarget {
    try {
      return deviceTarget(capabilities);
    } catch (error) {
      throw new SevereServiceError(`worker ${this.cid}: ${(error as Error).message}`);
    }
  }

  private async prepare(platform: DeviceTarget['platform'], id: string): Promise<void> {
    const proxy = this.proxy!;
    const log = (line: string) => this.log(line);
    const onPlan = (plan: RestorePlan) => this.savePlan({ platform, id, plan });
    const commands = this.commands();
    try {
      this.device =
        platform === 'android'
          ? await prepareAndroidDevice({
              serial: id,
              proxyPort: proxy.port,
              ca: proxy.ca,
              ...(this.options.androidProxyAddress ? { proxyAddress: this.options.androidProxyAddress } : {}),
              systemStore: this.options.androidSystemStore ?? false,
              commands,
              log,
              onPlan,
            })
          : await prepareIosSimulator({ udid: id, proxyPort: proxy.port, ca: proxy.ca, networkServices: this.options.iosNetworkServices ?? 'enabled', commands, log, onPlan });
    } catch (error) {
      throw new SevereServiceError(`worker ${this.cid}: ${platform} ${id} could not be set up for the recording proxy: ${(error as Error).message} (every command is in ${join(this.stateDir, 'device-commands.log')})`);
    }
  }

  private commands(): DeviceCommands {
    return new DeviceCommands({ log: (line) => this.log(line), ...(this.options.env ? { env: this.options.env } : {}), ...(this.options.iosProxySudo ? { sudo: ['networksetup' as const] } : {}) });
  }

  private planFile(cid: string): string {
    return join(this.stateDir, `restore-${cid.replace(/[^\w.-]/g, '_')}.json`);
  }

  private savePlan(saved: SavedRestore): void {
    mkdirSync(this.stateDir, { recursive: true });
    const file = this.planFile(this.cid);
    if (saved.plan.length === 0) rmSync(file, { force: true });
    else writeFileSync(file, JSON.stringify(saved, null, 2));
  }

  private log(line: string): void {
    mkdirSync(this.stateDir, { recursive: true });
    appendFileSync(join(this.stateDir, 'device-commands.log'), `${new Date().toISOString()} [${this.cid}] ${line}\n`);
  }
}
