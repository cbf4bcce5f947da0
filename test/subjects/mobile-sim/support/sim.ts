import { remote } from 'webdriverio';
import type { JournalRecord } from '../../../../mock-server/types.ts';
import type { AdvanceReport, SimInfo } from '../../../../subjects/mobile-sim/src/types.ts';

export type PlatformName = 'Android' | 'iOS';
export const PLATFORMS: readonly PlatformName[] = ['Android', 'iOS'];

/** The mock and Appium a test file shares; set up in its `before`. */
export interface SimContext {
  mockUrl: string;
  appiumUrl: string;
}

/** A session on the simulated device, deleted when `fn` settles. */
export async function withSim<T>(
  context: SimContext,
  platformName: PlatformName,
  caps: Record<string, unknown>,
  fn: (driver: WebdriverIO.Browser) => Promise<T>,
): Promise<T> {
  const driver = await openSim(context, platformName, caps);
  try {
    return await fn(driver);
  } finally {
    await driver.deleteSession();
  }
}

export function openSim(context: SimContext, platformName: PlatformName, caps: Record<string, unknown>): Promise<WebdriverIO.Browser> {
  const { hostname, port } = new URL(context.appiumUrl);
  return remote({
    hostname,
    port: Number(port),
    path: '/',
    logLevel: 'silent',
    connectionRetryCount: 0,
    connectionRetryTimeout: 20_000,
    // The IntercomSim capabilities (appium:mockServerUrl, appium:sdkProfile, …) are not in WebdriverIO's typings.
    capabilities: {
      platformName,
      'appium:automationName': 'IntercomSim',
      'appium:mockServerUrl': context.mockUrl,
      ...caps,
    } as WebdriverIO.Capabilities,
  });
}

/** Taps an element by accessibility id and answers with the status line afterwards. */
export async function tap(driver: WebdriverIO.Browser, accessibilityId: string): Promise<string> {
  await driver.$(`~${accessibilityId}`).click();
  return driver.$('~status').getText();
}

/** Moves the mock's clock and the device's in lockstep: the mock first, so timers' requests are judged at the same time. */
export async function advanceClocks(context: SimContext, driver: WebdriverIO.Browser, seconds: number): Promise<AdvanceReport> {
  await admin(context, 'POST', '/clock', { advance_s: seconds });
  return (await driver.execute('mobile: advanceClock', { seconds })) as AdvanceReport;
}

export async function simInfo(driver: WebdriverIO.Browser): Promise<SimInfo> {
  return (await driver.execute('mobile: simInfo', {})) as SimInfo;
}

/** Messenger records of the mock's journal, oldest first; `query` takes the admin API's filters. */
export async function journal(context: SimContext, query: Record<string, string | number> = {}): Promise<JournalRecord[]> {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const body = (await admin(context, 'GET', `/requests?${search}`)) as { requests: JournalRecord[] };
  return body.requests;
}

export async function canariesOf(context: SimContext, userId: string): Promise<string[]> {
  const body = (await admin(context, 'GET', `/users/${userId}`)) as { canaries: string[] };
  return body.canaries;
}

export async function resetMock(context: SimContext): Promise<void> {
  await admin(context, 'POST', '/reset', {});
}

export async function admin(context: SimContext, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${context.mockUrl}/__admin${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const parsed: unknown = await response.json();
  if (!response.ok) throw new Error(`admin ${method} ${path} → HTTP ${response.status}: ${JSON.stringify(parsed)}`);
  return parsed;
}

/** One line per record, for assertion messages that say which request carried what. */
export function describeRecords(records: JournalRecord[]): string {
  return records
    .map((record) => `#${record.seq} ${record.path} ${record.platform} jwt=${record.jwt ? `${record.jwt.fingerprint}/${record.jwt.status}` : 'none'} → ${record.response.status}`)
    .join('\n');
}
