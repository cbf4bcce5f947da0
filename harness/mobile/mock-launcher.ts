import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMockServer, type RunningMockServer } from '../../mock-server/index.ts';
import { startDeviceNetworks } from './device-network.ts';

export interface MockLauncherOptions {
  /** Where the journals' spill files go. Default reports/mobile/mock. */
  spillDir?: string;
  /** Interface the mocks bind to. Default MOCK_HOST, else 127.0.0.1 (a real device may need 0.0.0.0). */
  host?: string;
  /** Makes canaries reproducible. */
  seed?: string;
}

type Capability = Record<string, unknown> & { alwaysMatch?: Record<string, unknown> };

/**
 * A WebdriverIO launcher service (shaped like @wdio/appium-service) that starts the mock
 * Intercom API in the launcher process before any worker, and stops it at the end.
 *
 * One mock per capability: the mock's clock and reset are workspace-wide, so two devices moving
 * time at once must not share one. Each capability gets `appium:mockServerUrl` (the simulated
 * device sends its messenger traffic there; the harness judges from that mock's journal) and
 * runs its spec files one at a time (the config sets maxInstancesPerCapability: 1).
 * MOCK_URL names the first capability's mock, MOCK_URLS all of them (JSON), for tools.
 */
export class MockServerLauncher {
  private mocks: RunningMockServer[] = [];
  /** MOBILE_NETWORK=proxy: a recording proxy beside each mock (device-network.ts). */
  private networks: { stop(): Promise<void> } | null = null;

  constructor(readonly options: MockLauncherOptions = {}) {}

  async onPrepare(_config: unknown, capabilities: unknown): Promise<void> {
    const list = Array.isArray(capabilities) ? (capabilities as Capability[]) : [];
    if (list.length === 0) throw new Error('MockServerLauncher needs a list of capabilities (multiremote is not supported)');
    const spillDir = resolve(this.options.spillDir ?? 'reports/mobile/mock');
    mkdirSync(spillDir, { recursive: true });
    const host = this.options.host ?? process.env['MOCK_HOST'] ?? '127.0.0.1';
    this.mocks = await Promise.all(
      list.map((_, index) =>
        createMockServer({ port: 0, host, spillFile: join(spillDir, `journal-spill-${index}-${process.pid}.ndjson`), ...(this.options.seed ? { seed: this.options.seed } : {}) }),
      ),
    );
    list.forEach((capability, index) => {
      const target = capability.alwaysMatch ?? capability;
      target['appium:mockServerUrl'] = this.mocks[index]!.url;
    });
    this.networks = await startDeviceNetworks(list.map((capability) => capability.alwaysMatch ?? capability), spillDir);
    process.env['MOCK_URL'] = this.mocks[0]!.url;
    process.env['MOCK_URLS'] = JSON.stringify(this.mocks.map((mock) => mock.url));
  }

  async onComplete(): Promise<void> {
    await this.networks?.stop();
    await Promise.all(this.mocks.map((mock) => mock.close()));
    this.mocks = [];
  }
}
