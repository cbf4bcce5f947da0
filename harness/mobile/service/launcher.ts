import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SevereServiceError } from 'webdriverio';
import { createMockServer, type RunningMockServer } from '../../../mock-server/index.ts';
import { isSimAutomation, SIM_DEVICE } from '../device-contract.ts';
import { DEFAULT_MOCK_HOST, DEFAULT_SPILL_DIR, MOCK_URL_CAPABILITY } from './constants.ts';
import type { MobileHarnessServiceOptions } from './types.ts';
import { startDeviceNetworks } from '../device-network.ts';

type Capability = Record<string, unknown> & { alwaysMatch?: Record<string, unknown> };

/**
 * The launcher side of the mobile harness service (shaped like @wdio/appium-service's): it starts
 * the mock Intercom API in the launcher process before any worker, and stops it at the end.
 *
 * One mock per capability: the mock's clock and reset are workspace-wide, so two devices moving
 * time at once must not share one. Each capability gets `appium:mockServerUrl` (the simulated
 * device sends its messenger traffic there; the harness judges from that mock's journal) and
 * runs its spec files one at a time (the config sets maxInstancesPerCapability: 1).
 * MOCK_URL names the first capability's mock, MOCK_URLS all of them (JSON), for tools.
 *
 * When the run cannot go on (capabilities it cannot serve, the simulated driver not built, a mock
 * that cannot start) it throws SevereServiceError: WebdriverIO stops the run with that one message
 * instead of starting workers that would each fail elsewhere.
 */
export class MockServerLauncher {
  private mocks: RunningMockServer[] = [];
  /** MOBILE_NETWORK=proxy: a recording proxy beside each mock (device-network.ts). */
  private networks: { stop(): Promise<void> } | null = null;

  constructor(readonly options: MobileHarnessServiceOptions = {}) {}

  async onPrepare(_config: unknown, capabilities: unknown): Promise<void> {
    const list = Array.isArray(capabilities) ? (capabilities as Capability[]) : [];
    if (list.length === 0) throw new SevereServiceError('the mobile harness needs a list of capabilities, one per device (multiremote is not supported)');
    const problems = list.flatMap((capability, index) => capabilityProblems(capability.alwaysMatch ?? capability).map((problem) => `capability ${index + 1}: ${problem}`));
    if (list.some((capability) => isSimAutomation((capability.alwaysMatch ?? capability)['appium:automationName'])) && !existsSync(SIM_DEVICE.driverMain)) {
      problems.push(`the simulated driver is not built (${SIM_DEVICE.driverMain} is missing): run npm run build:sim`);
    }
    if (problems.length) throw new SevereServiceError(`the mobile run cannot start: ${problems.join('; ')}`);
    const spillDir = resolve(this.options.spillDir ?? DEFAULT_SPILL_DIR);
    mkdirSync(spillDir, { recursive: true });
    const host = this.options.host ?? process.env['MOCK_HOST'] ?? DEFAULT_MOCK_HOST;
    try {
      this.mocks = await Promise.all(
        list.map((_, index) =>
          createMockServer({ port: 0, host, spillFile: join(spillDir, `journal-spill-${index}-${process.pid}.ndjson`), ...(this.options.seed ? { seed: this.options.seed } : {}) }),
        ),
      );
    } catch (error) {
      await this.onComplete();
      throw new SevereServiceError(`the mock Intercom API could not start on ${host} (${(error as Error).message}); set MOCK_HOST to an interface this machine has, e.g. 127.0.0.1`);
    }
    list.forEach((capability, index) => {
      const target = capability.alwaysMatch ?? capability;
      target[MOCK_URL_CAPABILITY] = this.mocks[index]!.url;
    });
    try {
      this.networks = await startDeviceNetworks(list.map((capability) => capability.alwaysMatch ?? capability), spillDir);
    } catch (error) {
      await this.onComplete();
      throw new SevereServiceError(`the recording proxy for MOBILE_NETWORK=proxy could not start: ${(error as Error).message}`);
    }
    process.env['MOCK_URL'] = this.mocks[0]!.url;
    process.env['MOCK_URLS'] = JSON.stringify(this.mocks.map((mock) => mock.url));
  }

  async onComplete(): Promise<void> {
    await this.networks?.stop();
    this.networks = null;
    await Promise.all(this.mocks.map((mock) => mock.close()));
    this.mocks = [];
  }
}

/** What keeps the simulated device from serving a capability; a real device's capabilities are Appium's to judge. */
function capabilityProblems(capability: Record<string, unknown>): string[] {
  if (!isSimAutomation(capability['appium:automationName'])) return [];
  const problems: string[] = [];
  const platform = String(capability['platformName'] ?? '');
  if (!SIM_DEVICE.platforms.some((name) => name.toLowerCase() === platform.toLowerCase())) {
    problems.push(`platformName "${platform}" is not a platform of ${SIM_DEVICE.automationName}; use ${SIM_DEVICE.platforms.join(' or ')}`);
  }
  const module = capability['appium:sdkProfileModule'];
  const profile = capability['appium:sdkProfile'];
  if (typeof module === 'string' && module) {
    if (!existsSync(module)) problems.push(`appium:sdkProfileModule ${module} does not exist (MOBILE_PROFILE_MODULE names the file of a profile module)`);
  } else if (profile !== undefined && !SIM_DEVICE.profiles.some((entry) => entry.name === profile)) {
    problems.push(`appium:sdkProfile "${String(profile)}" is not a profile of the simulated SDK; it has ${SIM_DEVICE.profiles.map((entry) => entry.name).join(', ')}`);
  }
  return problems;
}
