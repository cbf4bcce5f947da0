import type { Page } from '@playwright/test';
import type { ClientStateEntry } from '../oracles/types.ts';

/**
 * Everything the browser holds for the page's origins: cookies (every domain in the context),
 * and, per frame origin, localStorage, sessionStorage, every IndexedDB record, and the JavaScript
 * globals where Intercom integrations keep identity (`window.intercomSettings`: user id, email,
 * JWT; react-use-intercom ≤ 1.5.2 left it behind after shutdown, PR #481).
 */
export async function clientState(page: Page): Promise<ClientStateEntry[]> {
  const entries: ClientStateEntry[] = (await page.context().cookies()).map((cookie) => ({
    store: `cookie ${cookie.domain}${cookie.path}`,
    key: cookie.name,
    value: cookie.value,
  }));
  const seenOrigins = new Set<string>();
  for (const frame of page.frames()) {
    const origin = await frame.evaluate(() => (location.origin === 'null' ? `about:blank in ${document.referrer || 'parent'}` : location.origin)).catch(() => null);
    if (!origin || seenOrigins.has(origin)) continue;
    seenOrigins.add(origin);
    const stored = await frame.evaluate(dumpStorage).catch(() => [] as ClientStateEntry[]);
    entries.push(...stored.map((entry) => ({ ...entry, store: `${entry.store} ${origin}` })));
  }
  return entries;
}

/** Runs in the page: identity globals, web storage and IndexedDB as flat entries. */
async function dumpStorage(): Promise<{ store: string; key: string; value: string }[]> {
  const found: { store: string; key: string; value: string }[] = [];
  for (const name of ['intercomSettings'] as const) {
    const value = (window as unknown as Record<string, unknown>)[name];
    if (value === undefined) continue;
    let text: string;
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
    found.push({ store: 'window', key: name, value: text });
  }
  for (const [store, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      found.push({ store, key, value: storage.getItem(key) ?? '' });
    }
  }
  const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  for (const { name, version } of databases) {
    if (!name) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, version);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const records = await new Promise<{ keys: IDBValidKey[]; values: unknown[] }>((resolve, reject) => {
        const transaction = db.transaction(storeName, 'readonly');
        const keys = transaction.objectStore(storeName).getAllKeys();
        const values = transaction.objectStore(storeName).getAll();
        transaction.oncomplete = () => resolve({ keys: keys.result, values: values.result });
        transaction.onerror = () => reject(transaction.error);
      });
      records.keys.forEach((key, index) => found.push({ store: `indexedDB ${name}/${storeName}`, key: String(key), value: JSON.stringify(records.values[index]) }));
    }
    db.close();
  }
  return found;
}

/** What a person sees: the page's text and the text of every visible frame (iframes included). */
export async function visibleText(page: Page): Promise<{ where: string; text: string }[]> {
  const texts = [{ where: 'page', text: await page.locator('body').innerText() }];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const element = await frame.frameElement().catch(() => null);
    if (!element || !(await element.isVisible())) continue;
    const id = (await element.getAttribute('id')) ?? (await element.getAttribute('title')) ?? frame.url();
    texts.push({ where: `frame #${id}`, text: await frame.locator('body').innerText().catch(() => '') });
  }
  return texts;
}
