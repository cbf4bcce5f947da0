/** Reading the loosely typed fields of a messenger body (a form or the SDKs' JSON). */

/** A non-empty string, else undefined (a form's empty field counts as absent). */
export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A plain object, else null (arrays and primitives are not records). */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
