import { ReferenceApp } from './app/reference-app.ts';
import { TokenServiceClient } from './app/token-service-client.ts';
import { platformTree, type PlatformNode } from './app/ui-tree.ts';
import { VirtualClock } from './app/virtual-clock.ts';
import { EventLog } from './event-log.ts';
import { messengerOrigin } from './net/intercom-hosts.ts';
import { proxyAgent } from './net/proxy-agent.ts';
import { IntercomSdkModel } from './sdk/intercom-sdk-model.ts';
import { MessengerTransport } from './sdk/messenger-transport.ts';
import { activeHooks } from './sdk/profile-hooks.ts';
import { SendOrder } from './sdk/send-order.ts';
import { sdkUserAgent } from './sdk/user-agent.ts';
import type { AdvanceReport, SdkCallLog, SdkProfile, SimInfo, SimOptions } from './types.ts';

/**
 * One simulated device: its virtual clock, the reference app and the SDK model inside it, wired
 * for one platform and one profile. The driver only translates WebDriver commands into calls here.
 */
export class SimulatedDevice {
  readonly clock = new VirtualClock();
  readonly events = new EventLog(() => this.clock.now());
  readonly app: ReferenceApp;
  readonly sdk: IntercomSdkModel;
  readonly userAgent: string;
  readonly sendOrder = new SendOrder(() => this.clock.now());
  /** The app's JWT lifetime and refresh delay: the capabilities', else the profile's appTiming, else the defaults. */
  readonly timing: { jwtTtlS: number; jwtRefreshS: number };
  private readonly profileActive: boolean;
  private readonly transport: MessengerTransport;

  constructor(
    readonly options: SimOptions,
    readonly profile: SdkProfile,
    /** The Appium session this device belongs to; profile hooks see it in their context. */
    readonly sessionId: string = 'no-session',
  ) {
    const hooks = activeHooks(profile, options.platform);
    this.timing = {
      jwtTtlS: options.timingFromCapabilities.jwtTtlS ? options.jwtTtlS : (profile.appTiming?.jwtTtlS ?? options.jwtTtlS),
      jwtRefreshS: options.timingFromCapabilities.jwtRefreshS ? options.jwtRefreshS : (profile.appTiming?.jwtRefreshS ?? options.jwtRefreshS),
    };
    this.profileActive = hooks.active;
    this.userAgent = sdkUserAgent(options.platform, options.sdkVersion, options.platformVersion);
    const namespaceHeader: Record<string, string> = options.namespace ? { 'x-mock-ns': options.namespace } : {};
    const { network } = options;
    this.transport = new MessengerTransport({
      baseUrl: network.mode === 'proxy' ? messengerOrigin(options.platform, options.intercomAppId, network.region) : options.mockServerUrl,
      appId: options.intercomAppId,
      deviceIdentifier: options.deviceIdentifier,
      userAgent: this.userAgent,
      namespace: options.namespace,
      dispatcher: network.mode === 'proxy' ? proxyAgent(network) : undefined,
    });
    this.sdk = new IntercomSdkModel({
      platform: options.platform,
      hooks,
      events: this.events,
      sendOrder: this.sendOrder,
      hookContext: {
        platform: options.platform,
        device: { identifier: options.deviceIdentifier, platformVersion: options.platformVersion, sdkVersion: options.sdkVersion, userAgent: this.userAgent },
        session: { id: sessionId, namespace: options.namespace },
        nowS: () => this.clock.now(),
      },
      transport: this.transport,
    });
    this.app = new ReferenceApp({
      sdk: this.sdk,
      tokenService: new TokenServiceClient(options.tokenServiceUrl, namespaceHeader),
      clock: this.clock,
      hooks,
      events: this.events,
      jwtTtlS: this.timing.jwtTtlS,
      jwtRefreshS: this.timing.jwtRefreshS,
    });
    this.events.record('device.boot', `${options.platform}, profile ${profile.name}${hooks.active ? '' : ' (no effect on this platform)'}, network ${this.networkSummary()}`);
  }

  /** `direct to <mock>`, or `proxy <url> to <Intercom host> (CA <path>)`. */
  networkSummary(): string {
    const { network } = this.options;
    if (network.mode === 'direct') return `direct to ${this.options.mockServerUrl}`;
    return `proxy ${network.proxyUrl} to ${messengerOrigin(this.options.platform, this.options.intercomAppId, network.region)} (CA ${network.caPath})`;
  }

  /** The screen as the platform's driver would show it: the app, or the home screen while it is in the background. */
  tree(): PlatformNode {
    return platformTree(this.options.platform, this.app.isInForeground() ? this.app.render() : null);
  }

  advanceClock(seconds: number): Promise<AdvanceReport> {
    return this.clock.advance(seconds);
  }

  /**
   * Sends the app to the background. With `seconds` ≥ 0 it stays there for that long on the virtual
   * clock (timers suspended) and comes back; without, it stays until `activate`.
   */
  async background(seconds: number | null): Promise<void> {
    this.app.goToBackground();
    if (seconds === null) return;
    await this.clock.advance(seconds);
    await this.app.returnToForeground();
  }

  activate(): Promise<void> {
    return this.app.returnToForeground();
  }

  /** `mobile: sdkCalls`: the send counter and the identity calls the app made, each with the counter at the time. */
  sdkCalls(): SdkCallLog {
    return this.sendOrder.log();
  }

  /** `mobile: clockInfo`: the virtual time and what is due next, so the harness can move the mock's clock to each timer. */
  clockInfo(): SimInfo['clock'] {
    return { now_s: this.clock.now(), suspended: this.clock.isSuspended(), timers: this.clock.pending() };
  }

  info(): SimInfo {
    const { name, description, platforms, source } = this.profile;
    return {
      platform: this.options.platform,
      device_identifier: this.options.deviceIdentifier,
      user_agent: this.userAgent,
      profile: { name, description, platforms, source, active: this.profileActive },
      clock: this.clockInfo(),
      timing: this.timing,
      app: this.app.describe(),
      sdk: this.sdk.describe(),
      events: this.events.latest(),
    };
  }

  shutdown(): void {
    this.app.shutdown();
    // A request still in flight fails as the SDK's network error; nothing waits on the close.
    this.transport.close().catch(() => undefined);
  }
}
