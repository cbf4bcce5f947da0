import { randomUUID } from 'node:crypto';

/**
 * WebDriver element ids ↔ keys of the app's UI nodes. One id per key for the whole session, so a
 * handle found once keeps resolving to the same node across re-renders (a status line whose text
 * changes is still the same element), and goes stale only when its node leaves the screen.
 */
export class ElementRegistry {
  private readonly idsByKey = new Map<string, string>();
  private readonly keysById = new Map<string, string>();

  idFor(key: string): string {
    let id = this.idsByKey.get(key);
    if (!id) {
      id = randomUUID();
      this.idsByKey.set(key, id);
      this.keysById.set(id, key);
    }
    return id;
  }

  keyOf(id: string): string | undefined {
    return this.keysById.get(id);
  }

  clear(): void {
    this.idsByKey.clear();
    this.keysById.clear();
  }
}
