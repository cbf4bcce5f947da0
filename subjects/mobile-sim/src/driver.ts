// appium has no "exports" map, so an ES module must name the file: 'appium/driver.js', not 'appium/driver'.
// It re-exports the BaseDriver of the Appium that loads this driver (appium is a peer dependency).
import { BaseDriver, errors, W3C_ELEMENT_KEY } from 'appium/driver.js';
import type { DefaultCreateSessionResult, Element, ExecuteMethodMap, InitialOpts, LegacyCreateSessionArgs, Rect } from '@appium/types';
import { AppUiError } from './app/reference-app.ts';
import { allNodes, boundsOf, isEditable, textOf, toXml, type PlatformNode } from './app/ui-tree.ts';
import { evaluateXpath, XpathError } from './app/xpath.ts';
import { CapabilityError, readSimOptions, SIM_CAP_CONSTRAINTS, type SimConstraints } from './capabilities.ts';
import { APP_ID, AUTOMATION_NAME } from './constants.ts';
import { SimulatedDevice } from './device.ts';
import { ElementRegistry } from './element-registry.ts';
import { ProfileError, selectProfile } from './sdk/profile-loader.ts';
import type { AdvanceReport, SdkCallLog, SimInfo } from './types.ts';

const LOCATOR_STRATEGIES = ['accessibility id', 'id', 'xpath', 'class name'];

/** `execute('mobile: …', {…})` methods: name → driver method and the parameters it takes, in order (typed as Appium's ExecuteMethodMap). */
const EXECUTE_METHODS = {
  'mobile: advanceClock': { command: 'mobileAdvanceClock', params: { required: ['seconds'] } },
  'mobile: backgroundApp': { command: 'mobileBackgroundApp', params: { optional: ['seconds'] } },
  'mobile: activateApp': { command: 'mobileActivateApp', params: { optional: ['appId', 'bundleId'] } },
  'mobile: queryAppState': { command: 'mobileQueryAppState', params: { optional: ['appId', 'bundleId'] } },
  'mobile: simInfo': { command: 'mobileSimInfo' },
  'mobile: sdkCalls': { command: 'mobileSdkCalls' },
  'mobile: clockInfo': { command: 'mobileClockInfo' },
} as const satisfies ExecuteMethodMap<IntercomSimDriver>; // each command must be a method of the driver

/** App states as Appium's `queryAppState` numbers them. */
const APP_STATE = { notInstalled: 0, runningInBackground: 3, runningInForeground: 4 } as const;

/**
 * Appium 3 driver `IntercomSim`: a simulated Android or iOS device running the reference app with
 * a model of the Intercom mobile SDK (see README.md). Element commands act on the app's UI tree;
 * `mobile:` execute methods control the device's virtual clock and the app's lifecycle.
 */
export class IntercomSimDriver extends BaseDriver<SimConstraints> {
  static executeMethodMap = EXECUTE_METHODS;

  private device: SimulatedDevice | null = null;
  private readonly elements = new ElementRegistry();

  constructor(opts: InitialOpts = {} as InitialOpts, shouldValidateCaps = true) {
    super(opts, shouldValidateCaps);
    this.desiredCapConstraints = SIM_CAP_CONSTRAINTS;
    this.locatorStrategies = LOCATOR_STRATEGIES;
  }

  override async createSession(...args: LegacyCreateSessionArgs<SimConstraints>): Promise<DefaultCreateSessionResult<SimConstraints>> {
    const [sessionId, caps] = await super.createSession(...args);
    try {
      const options = readSimOptions(this.opts);
      const profile = await selectProfile(this.opts.sdkProfile, this.opts.sdkProfileModule);
      this.device = new SimulatedDevice(options, profile, sessionId);
      this.log.info(`${AUTOMATION_NAME} ${options.platform} device ${options.deviceIdentifier}, profile "${profile.name}", mock ${options.mockServerUrl}, network ${this.device.networkSummary()}`);
      return [sessionId, { ...caps, deviceName: caps.deviceName ?? `${AUTOMATION_NAME} ${caps.platformName}`, platformVersion: options.platformVersion }];
    } catch (error) {
      await super.deleteSession(sessionId);
      if (error instanceof CapabilityError || error instanceof ProfileError) throw new errors.SessionNotCreatedError(error.message);
      throw error;
    }
  }

  override async deleteSession(sessionId?: string | null): Promise<void> {
    this.device?.shutdown();
    this.device = null;
    this.elements.clear();
    await super.deleteSession(sessionId);
  }

  // --- finding --------------------------------------------------------------------------------

  override async findElOrEls(strategy: string, selector: string, mult: true, context?: string): Promise<Element[]>;
  override async findElOrEls(strategy: string, selector: string, mult: false, context?: string): Promise<Element>;
  override async findElOrEls(strategy: string, selector: string, mult: boolean, context?: string): Promise<Element | Element[]> {
    const root = this.sim.tree();
    const scope = context ? this.resolve(context, root) : null;
    const found = this.match(strategy, selector, root, scope).map((node) => this.wrap(node));
    if (mult) return found;
    const [first] = found;
    if (!first) throw new errors.NoSuchElementError(`no element matches ${strategy} ${JSON.stringify(selector)} on the current screen (see getPageSource)`);
    return first;
  }

  override async getPageSource(): Promise<string> {
    return toXml(this.sim.tree(), this.sim.options.platform);
  }

  // --- elements -------------------------------------------------------------------------------

  async click(elementId: string): Promise<void> {
    const node = this.resolve(elementId);
    if (node.attrs['enabled'] === 'false') throw new errors.InvalidElementStateError('the element is disabled');
    await this.sim.app.tap(node.key);
  }

  async getText(elementId: string): Promise<string> {
    return textOf(this.sim.options.platform, this.resolve(elementId));
  }

  async setValue(text: string | string[], elementId: string): Promise<void> {
    this.type(elementId, Array.isArray(text) ? text.join('') : String(text), true);
  }

  async replaceValue(text: string | string[], elementId: string): Promise<void> {
    this.type(elementId, Array.isArray(text) ? text.join('') : String(text), false);
  }

  /** WebdriverIO's `setValue` is `clear` + `addValue`, so this is needed as much as setValue. */
  async clear(elementId: string): Promise<void> {
    this.type(elementId, '', false);
  }

  async elementDisplayed(elementId: string): Promise<boolean> {
    return this.resolve(elementId).attrs['displayed'] !== 'false';
  }

  async elementEnabled(elementId: string): Promise<boolean> {
    return this.resolve(elementId).attrs['enabled'] !== 'false';
  }

  async elementSelected(elementId: string): Promise<boolean> {
    return this.resolve(elementId).attrs['selected'] === 'true';
  }

  async getAttribute(name: string, elementId: string): Promise<string | null> {
    return this.resolve(elementId).attrs[name] ?? null;
  }

  async getName(elementId: string): Promise<string> {
    return this.resolve(elementId).tag;
  }

  async getElementRect(elementId: string): Promise<Rect> {
    return boundsOf(this.sim.options.platform, this.resolve(elementId));
  }

  async getWindowRect(): Promise<Rect> {
    return boundsOf(this.sim.options.platform, this.sim.tree().children[0] ?? this.sim.tree());
  }

  // --- app lifecycle and the clock ------------------------------------------------------------

  async execute(script: string, args: unknown[]): Promise<unknown> {
    const method = /^mobile:\s*(\S.*)$/.exec(script.trim());
    if (!method) {
      const known = Object.keys(EXECUTE_METHODS).join(', ');
      throw new errors.UnsupportedOperationError(`${AUTOMATION_NAME} runs no JavaScript; execute takes one of: ${known}`);
    }
    return await this.executeMethod(`mobile: ${method[1]}`, args as [Record<string, unknown>]);
  }

  /** `mobile: advanceClock {seconds}`: fires the app's due timers in order and awaits their work. */
  async mobileAdvanceClock(seconds: unknown): Promise<AdvanceReport> {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new errors.InvalidArgumentError(`mobile: advanceClock needs {seconds: a number ≥ 0}, got ${JSON.stringify(seconds)}`);
    }
    return await this.sim.advanceClock(seconds);
  }

  /**
   * `mobile: backgroundApp {seconds}` (also WebdriverIO's `driver.background(seconds)`): seconds
   * ≥ 0 keeps the app in the background for that long on the virtual clock, then resumes it;
   * -1, null or none leaves it there until `activateApp`.
   */
  async mobileBackgroundApp(seconds?: unknown): Promise<null> {
    if (seconds !== undefined && seconds !== null && (typeof seconds !== 'number' || !Number.isFinite(seconds))) {
      throw new errors.InvalidArgumentError(`mobile: backgroundApp takes {seconds: a number, or -1/null to stay in the background}, got ${JSON.stringify(seconds)}`);
    }
    await this.sim.background(typeof seconds === 'number' && seconds >= 0 ? seconds : null);
    return null;
  }

  async mobileActivateApp(appId?: string, bundleId?: string): Promise<void> {
    await this.activateApp(appId ?? bundleId ?? APP_ID);
  }

  async activateApp(appId: string): Promise<void> {
    this.requireOwnApp(appId, 'activateApp');
    await this.sim.activate();
  }

  async mobileQueryAppState(appId?: string, bundleId?: string): Promise<number> {
    return await this.queryAppState(appId ?? bundleId ?? APP_ID);
  }

  async queryAppState(appId: string): Promise<0 | 1 | 2 | 3 | 4> {
    if (appId !== APP_ID) return APP_STATE.notInstalled;
    return this.sim.app.isInForeground() ? APP_STATE.runningInForeground : APP_STATE.runningInBackground;
  }

  async mobileSimInfo(): Promise<SimInfo> {
    return this.sim.info();
  }

  /** `mobile: sdkCalls`: the device's send counter and every identity call (setUserJwt, logout, logins) with the counter at the call. */
  async mobileSdkCalls(): Promise<SdkCallLog> {
    return this.sim.sdkCalls();
  }

  /** `mobile: clockInfo`: virtual time, whether timers are suspended, and the pending timers by due time. */
  async mobileClockInfo(): Promise<SimInfo['clock']> {
    return this.sim.clockInfo();
  }

  // --- helpers --------------------------------------------------------------------------------

  private get sim(): SimulatedDevice {
    if (!this.device) throw new errors.InvalidArgumentError(`no ${AUTOMATION_NAME} device: the session has not been created or was deleted`);
    return this.device;
  }

  private match(strategy: string, selector: string, root: PlatformNode, scope: PlatformNode | null): PlatformNode[] {
    const platform = this.sim.options.platform;
    const candidates = scope ? allNodes(scope).slice(1) : allNodes(root);
    switch (strategy) {
      case 'accessibility id':
        return candidates.filter((node) => (platform === 'android' ? node.attrs['content-desc'] : node.attrs['name']) === selector);
      case 'id':
        return candidates.filter((node) =>
          platform === 'android' ? node.attrs['resource-id'] === selector || node.attrs['resource-id']?.endsWith(`:id/${selector}`) : node.attrs['name'] === selector,
        );
      case 'class name':
        return candidates.filter((node) => node.tag === selector);
      case 'xpath':
        try {
          return evaluateXpath(selector, root, scope);
        } catch (error) {
          if (error instanceof XpathError) throw new errors.InvalidSelectorError(error.message);
          throw error;
        }
      default:
        throw new errors.InvalidSelectorError(`${AUTOMATION_NAME} does not support the locator strategy "${strategy}"; use one of: ${LOCATOR_STRATEGIES.join(', ')}`);
    }
  }

  private wrap(node: PlatformNode): Element {
    const id = this.elements.idFor(node.key);
    return { ELEMENT: id, [W3C_ELEMENT_KEY]: id } as Element;
  }

  /** The node an element id names on the current screen; stale once it has left it. */
  private resolve(elementId: string, root: PlatformNode = this.sim.tree()): PlatformNode {
    const key = this.elements.keyOf(elementId);
    if (!key) throw new errors.NoSuchElementError(`element ${elementId} was never found in this session`);
    const node = allNodes(root).find((candidate) => candidate.key === key);
    if (!node) {
      const why = this.sim.app.isInForeground() ? 'it is no longer on the screen' : 'the app is in the background';
      throw new errors.StaleElementReferenceError(`element "${key}" is stale: ${why}`);
    }
    return node;
  }

  private type(elementId: string, text: string, append: boolean): void {
    const node = this.resolve(elementId);
    if (!isEditable(node)) throw new errors.InvalidElementStateError(`element "${node.key}" (${node.tag}) is not editable`);
    try {
      this.sim.app.type(node.key, text, append);
    } catch (error) {
      if (error instanceof AppUiError) throw new errors.InvalidElementStateError(error.message);
      throw error;
    }
  }

  private requireOwnApp(appId: string, command: string): void {
    if (appId !== APP_ID) throw new errors.InvalidArgumentError(`${command}: this simulated device has one app, "${APP_ID}"; got "${appId}"`);
  }
}

export default IntercomSimDriver;
