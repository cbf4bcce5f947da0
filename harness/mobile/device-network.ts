import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCertificateAuthority, startRecordingProxy } from '../../proxy/index.ts';
import { SIM_AUTOMATION_NAME } from './device-info.ts';

/** How the simulated device reaches its mock: straight to its URL, or through the recording proxy. */
export type DeviceNetworkMode = 'direct' | 'proxy';
const MODES: readonly DeviceNetworkMode[] = ['direct', 'proxy'];

/** MOBILE_NETWORK=direct|proxy (default direct), as `npm run conformance -- --network` sets it. */
export function networkModeFromEnv(value = process.env['MOBILE_NETWORK']): DeviceNetworkMode {
  if (value === undefined || value === '') return 'direct';
  const mode = MODES.find((candidate) => candidate === value.trim().toLowerCase());
  if (!mode) throw new Error(`MOBILE_NETWORK: "${value}" is not a network mode; use ${MODES.join(' or ')}`);
  return mode;
}

export interface DeviceNetwork {
  /** What the capability gets: nothing for direct; `appium:network`, `appium:proxyUrl`, `appium:proxyCaPath` for proxy. */
  capabilities: Record<string, string>;
  stop(): Promise<void>;
}

export interface DeviceNetworkOptions {
  /** The mock the proxy forwards Intercom's hosts to. */
  mockUrl: string;
  mode: DeviceNetworkMode;
  /** The capability it is for: the proxy mode is the simulated device's (IntercomSim). */
  capability: Record<string, unknown>;
  /** Where the proxy's log lines go (one per forwarded request, refusal, error; no secrets). */
  logFile: string;
}

/**
 * The network a simulated device's session gets. In the proxy mode: the run's CA (made once per
 * machine, `.conformance/ca/`) and a recording proxy that forwards Intercom's hosts to the mock
 * and refuses every other host, so nothing leaves the machine; the capability then names both.
 */
export async function startDeviceNetwork(options: DeviceNetworkOptions): Promise<DeviceNetwork> {
  if (options.mode === 'direct') return { capabilities: {}, stop: async () => undefined };
  const automationName = String(options.capability['appium:automationName'] ?? '');
  if (automationName.toLowerCase() !== SIM_AUTOMATION_NAME.toLowerCase()) {
    throw new Error(`MOBILE_NETWORK=proxy (--network proxy) sets up the simulated device (${SIM_AUTOMATION_NAME}); this capability's automationName is "${automationName}"`);
  }
  const ca = await ensureCertificateAuthority();
  const proxy = await startRecordingProxy({ targetUrl: options.mockUrl, ca, otherTraffic: 'refuse', log: (line) => appendFileSync(options.logFile, `${line}\n`) });
  return {
    capabilities: { 'appium:network': 'proxy', 'appium:proxyUrl': proxy.url, 'appium:proxyCaPath': ca.certPath },
    stop: () => proxy.stop(),
  };
}

/**
 * Starts the network of every capability, each beside its own mock (`appium:mockServerUrl`, set
 * first), and adds its capabilities. `stop` ends them all.
 */
export async function startDeviceNetworks(capabilities: Record<string, unknown>[], logDir: string, mode = networkModeFromEnv()): Promise<{ stop(): Promise<void> }> {
  const started = await Promise.allSettled(
    capabilities.map((capability, index) => {
      const mockUrl = capability['appium:mockServerUrl'];
      if (typeof mockUrl !== 'string') throw new Error(`capability ${index} has no appium:mockServerUrl: start its mock before its network`);
      return startDeviceNetwork({ mockUrl, mode, capability, logFile: join(logDir, `proxy-${index}-${process.pid}.log`) });
    }),
  );
  const networks = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const stop = async (): Promise<void> => void (await Promise.all(networks.map((network) => network.stop())));
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  networks.forEach((network, index) => Object.assign(capabilities[index]!, network.capabilities));
  return { stop };
}
