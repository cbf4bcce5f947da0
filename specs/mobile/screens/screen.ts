import { $, browser } from '@wdio/globals';
import { loadSelectorMap, toWdioSelector, type SelectorMap } from '../../../harness/mobile/index.ts';

/**
 * The selector map every screen reads: the simulated device's accessibility ids, or the map a
 * user gives in MOBILE_SELECTORS=path.json for their own app (harness/mobile/selectors.ts).
 */
export const selectors: SelectorMap = loadSelectorMap();

const SETTLE_TIMEOUT_MS = 15_000;

/** A screen object: private locators over the selector map, public actions named for intent. */
export abstract class Screen {
  protected find(selector: string): ChainablePromiseElement {
    return $(toWdioSelector(selector));
  }

  /** The status line's text, or null when the app has none (selector map `status: null`). */
  async statusText(): Promise<string | null> {
    if (!selectors.status) return null;
    return this.find(selectors.status).getText();
  }

  /** Waits until the status line matches `pattern` (no-op without a status line). */
  protected async waitForStatus(pattern: string, action: string): Promise<void> {
    if (!selectors.status) return;
    const expected = new RegExp(pattern);
    let last = '';
    await browser.waitUntil(
      async () => {
        last = (await this.statusText()) ?? '';
        return expected.test(last);
      },
      { timeout: SETTLE_TIMEOUT_MS, timeoutMsg: `${action}: the status line never matched /${pattern}/ (last: "${last}")` },
    );
  }
}

type ChainablePromiseElement = ReturnType<typeof $>;
