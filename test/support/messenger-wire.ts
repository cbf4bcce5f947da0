/** Speaks the messenger wire format to a mock the way the web messenger and the mobile SDKs do. */

export interface WireResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  seq: number | null;
  headers: Headers;
}

export interface WebRequest {
  app_id?: string;
  user_data?: Record<string, unknown> | string;
  anonymous_session?: string;
  device_identifier?: string;
  [field: string]: unknown;
}

/** `POST {base}/messenger/web/{path}`, form-urlencoded, `user_data` as a JSON string. */
export async function webRequest(baseUrl: string, path: string, fields: WebRequest, init: { headers?: Record<string, string>; query?: string } = {}): Promise<WireResponse> {
  const form = new URLSearchParams();
  const withDefaults = { app_id: 'mockapp1', v: '3', platform: 'web', device_identifier: 'dev-web-1', ...fields };
  for (const [key, value] of Object.entries(withDefaults)) {
    if (value === undefined) continue;
    form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await fetch(`${baseUrl}/messenger/web/${path}${init.query ? `?${init.query}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
    body: form,
  });
  return read(response);
}

export const ANDROID_UA = 'intercom-android-sdk/17.1.0 (Linux; Android 14; sdk_gphone64)';
export const IOS_UA = 'intercom-ios-sdk/19.2.0 (iPhone; iOS 18.0) CFNetwork/1490';

/** `POST {base}/messenger/mobile/{path}` with a JSON body, as the Android and iOS SDKs send. */
export async function mobileRequest(
  baseUrl: string,
  path: string,
  body: Record<string, unknown>,
  init: { userAgent?: string; headers?: Record<string, string> } = {},
): Promise<WireResponse> {
  const response = await fetch(`${baseUrl}/messenger/mobile/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': init.userAgent ?? ANDROID_UA, ...init.headers },
    body: JSON.stringify({ app_id: 'mockapp1', device_identifier: 'dev-android-1', ...body }),
  });
  return read(response);
}

async function read(response: Response): Promise<WireResponse> {
  const text = await response.text();
  const seq = response.headers.get('x-mock-seq');
  return { status: response.status, body: text ? JSON.parse(text) : {}, seq: seq ? Number(seq) : null, headers: response.headers };
}
