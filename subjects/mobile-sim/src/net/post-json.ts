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

/** `POST url` with a JSON body; answers with the status and the parsed JSON object (empty if none). */
export async function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<JsonResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
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
