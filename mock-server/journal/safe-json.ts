/**
 * JSON for journal records that cannot fail. A record holds whatever a client sent (decoded JWT
 * claims, user_data), so a plain `JSON.stringify` can throw on it: nesting deep enough to exhaust
 * the stack, a cycle, a BigInt, a throwing `toJSON`, or a result longer than V8's largest string.
 * When it does, the record is copied with each offending part replaced by
 * `{"$unserializable": "<what, and where in the record>"}` and everything else kept as it was.
 * A record whose JSON would pass MAX_RECORD_CHARS is copied the same way, its strings over
 * MAX_STRING_CHARS and whatever still exceeds the budget replaced.
 */

/** Nesting kept by the fallback copy; a record's own structure is 3 levels, claims are the rest. */
export const MAX_DEPTH = 128;
/** Longest string the fallback copy keeps whole. */
export const MAX_STRING_CHARS = 1 << 20;
/** Rough size budget of the fallback copy; beyond it, remaining values become markers. */
export const MAX_RECORD_CHARS = 16 << 20;

export interface UnserializableMarker {
  $unserializable: string;
}

export function serializeRecord(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    // Past the budget, the copy below trims the oversized parts: one record must not dwarf a spill write or an answer.
    if (text !== undefined && text.length <= MAX_RECORD_CHARS) return text;
  } catch {
    // Fall through to the defensive copy, which names what could not be written.
  }
  return JSON.stringify(new DefensiveCopy().copy(value, '$', 0)) ?? 'null';
}

function marker(reason: string): UnserializableMarker {
  return { $unserializable: reason };
}

class DefensiveCopy {
  private readonly ancestors: object[] = [];
  private readonly ancestorPaths: string[] = [];
  private budget = MAX_RECORD_CHARS;

  copy(value: unknown, path: string, depth: number): unknown {
    if (this.budget <= 0) return marker(`omitted at ${path}: the record is over ${MAX_RECORD_CHARS} characters of JSON`);
    switch (typeof value) {
      case 'string':
        if (value.length > MAX_STRING_CHARS) return marker(`string of ${value.length} characters at ${path}, over the ${MAX_STRING_CHARS} kept`);
        this.budget -= value.length + 2;
        return value;
      case 'number':
      case 'boolean':
        this.budget -= 8;
        return value;
      case 'bigint':
        return marker(`bigint ${value.toString()} at ${path}`);
      case 'function':
      case 'symbol':
        return marker(`${typeof value} at ${path}`);
      case 'undefined':
        return undefined;
    }
    if (value === null) return null;
    const object = value as object;
    const cycleAt = this.ancestors.indexOf(object);
    if (cycleAt >= 0) return marker(`circular reference at ${path} to ${this.ancestorPaths[cycleAt]}`);
    if (depth >= MAX_DEPTH) return marker(`nested deeper than ${MAX_DEPTH} levels at ${path}`);
    const toJson = readProperty(object, 'toJSON');
    if (!toJson.ok) return marker(`toJSON of ${path} could not be read: ${toJson.error}`);
    if (typeof toJson.value === 'function') {
      let replaced: unknown;
      try {
        replaced = (toJson.value as () => unknown).call(object);
      } catch (error) {
        return marker(`toJSON of ${path} threw: ${describe(error)}`);
      }
      if (replaced !== object) return this.copy(replaced, path, depth);
    }
    this.ancestors.push(object);
    this.ancestorPaths.push(path);
    try {
      return Array.isArray(object) ? this.copyArray(object, path, depth) : this.copyObject(object, path, depth);
    } finally {
      this.ancestors.pop();
      this.ancestorPaths.pop();
    }
  }

  private copyArray(array: unknown[], path: string, depth: number): unknown[] {
    const result: unknown[] = [];
    for (let index = 0; index < array.length; index++) {
      if (this.budget <= 0) {
        result.push(marker(`${array.length - index} more items omitted at ${path}: the record is over ${MAX_RECORD_CHARS} characters of JSON`));
        break;
      }
      const item = readProperty(array, String(index));
      const copied = item.ok ? this.copy(item.value, `${path}[${index}]`, depth + 1) : marker(`${path}[${index}] could not be read: ${item.error}`);
      result.push(copied === undefined ? null : copied);
      this.budget -= 1;
    }
    return result;
  }

  private copyObject(object: object, path: string, depth: number): unknown {
    const result: Record<string, unknown> = {};
    let keys: string[];
    try {
      keys = Object.keys(object);
    } catch (error) {
      return marker(`keys of ${path} could not be listed: ${describe(error)}`);
    }
    for (const key of keys) {
      const childPath = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      if (this.budget <= 0) {
        result[key] = marker(`omitted at ${childPath}: the record is over ${MAX_RECORD_CHARS} characters of JSON`);
        break;
      }
      const property = readProperty(object, key);
      const copied = property.ok ? this.copy(property.value, childPath, depth + 1) : marker(`${childPath} could not be read: ${property.error}`);
      if (copied !== undefined) result[key] = copied;
      this.budget -= key.length + 4;
    }
    return result;
  }
}

function readProperty(object: object, key: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: (object as Record<string, unknown>)[key] };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be described';
  }
}
