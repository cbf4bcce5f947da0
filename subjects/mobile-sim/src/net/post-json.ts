import { fetch as fetchVia, type Dispatcher } from 'undici';
import { REQUEST_TIMEOUT_MS } from '../constants.ts';

export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
}

/** The server could not be reached, or did not answer in time. */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    super(`cannot reach ${url}: ${reason}`);
  }
}

/**
 * `POST url` with a JSON body; answers with the status and the parsed JSON object (empty if none).
 * With a `dispatcher` (the real-network mode's proxy agent) the request goes through it, and only
 * through it: undici's own fetch, since Node's global fetch takes no proxy.
 */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, dispatcher?: Dispatcher): Promise<JsonResponse> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  };
  let response: { status: number; text(): Promise<string> };
  try {
    response = dispatcher ? await fetchVia(url, { ...init, dispatcher }) : await fetch(url, init);
  } catch (error) {
    throw new NetworkError(url, error);
  }
  const text = await response.text();
  let parsed: unknown = {};
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { raw: text.slice(0, 200) };
    }
  }
  const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  return { status: response.status, body: record };
}
