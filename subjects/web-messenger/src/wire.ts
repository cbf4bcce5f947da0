/** The web messenger's wire format: form-urlencoded POSTs to `{api_base}/messenger/web/{endpoint}`. */
import type { OutgoingRequest } from './types.ts';

export interface WireResult {
  status: number;
  body: Record<string, unknown>;
}

/** The request as the correct messenger builds it, before a profile's transport hook sees it. */
export function buildRequest(options: {
  endpoint: string;
  apiBase: string;
  appId: string;
  deviceId: string;
  userData: Record<string, unknown>;
  session: string | null;
  extra?: Record<string, string>;
}): OutgoingRequest {
  const fields: Record<string, string> = {
    app_id: options.appId,
    v: '3',
    platform: 'web',
    device_identifier: options.deviceId,
    'Idempotency-Key': crypto.randomUUID(),
    r: location.href,
    ...options.extra,
  };
  if (options.session) fields['anonymous_session'] = options.session;
  const jwt = options.userData['intercom_user_jwt'];
  return {
    endpoint: options.endpoint,
    apiBase: options.apiBase,
    jwt: typeof jwt === 'string' && jwt ? jwt : null,
    userData: options.userData,
    fields,
    headers: {},
  };
}

export async function send(request: OutgoingRequest): Promise<WireResult> {
  const form = new URLSearchParams({ ...request.fields, user_data: JSON.stringify(request.userData) });
  const response = await fetch(`${request.apiBase}/messenger/web/${request.endpoint}`, {
    method: 'POST',
    body: form,
    headers: request.headers,
    credentials: 'include',
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { error: text };
  }
  return { status: response.status, body };
}
