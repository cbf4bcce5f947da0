/**
 * Reads a messenger request body by what it is, not by what its Content-Type says: the web
 * messenger posts forms, the SDKs post JSON, and a client that mislabels one must still have its
 * token judged. A body that cannot be read at all comes back with `error` and empty fields, so
 * the request is still judged and journaled.
 */

export type BodyFields = Record<string, unknown>;

export interface ReadBody {
  fields: BodyFields;
  /** Why the body could not be read, for the 400 and the record. */
  error?: string;
}

export function readMessengerBody(raw: unknown, contentType: string | undefined): ReadBody {
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : '';
  const trimmed = text.trim();
  if (trimmed === '') return { fields: {} };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      return { fields: {}, error: `body is not valid JSON: ${(error as Error).message}` };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { fields: {}, error: 'body is JSON but not an object' };
    return { fields: parsed as BodyFields };
  }
  if (/\bjson\b/i.test(contentType ?? '') && !looksLikeForm(trimmed)) return { fields: {}, error: 'body is declared JSON but is not valid JSON' };
  return { fields: parseForm(trimmed) };
}

/** `name=value` first: a form mislabelled as JSON. */
function looksLikeForm(text: string): boolean {
  return /^[\w.%-]+=/.test(text);
}

/** `application/x-www-form-urlencoded`; a field sent twice keeps every value, in order. */
function parseForm(text: string): BodyFields {
  const fields: BodyFields = Object.create(null) as BodyFields;
  for (const [name, value] of new URLSearchParams(text)) {
    const known = fields[name];
    if (known === undefined) fields[name] = value;
    else if (Array.isArray(known)) known.push(value);
    else fields[name] = [known, value];
  }
  return fields;
}
