/**
 * Interns the strings that repeat across records (paths, app ids, device ids, user agents), so a
 * journal of a million records holds each distinct value once instead of once per record.
 */
export class StringPool {
  private readonly pool = new Map<string, string>();

  constructor(private readonly limit = 50_000) {}

  intern<T extends string | null | undefined>(value: T): T {
    if (typeof value !== 'string') return value;
    const known = this.pool.get(value);
    if (known !== undefined) return known as T;
    if (this.pool.size < this.limit) this.pool.set(value, value);
    return value;
  }
}
