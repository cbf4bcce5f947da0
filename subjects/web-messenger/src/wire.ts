/** The web messenger's wire format: form-urlencoded POSTs to `{api_base}/messenger/web/{path}`. */

export interface WireResult {
  status: number;
  body: Record<string, unknown>;
}

export class MessengerWire {
  constructor(
    private readonly apiBase: string,
    private readonly appId: string,
    private readonly deviceId: string,
  ) {}

  async post(path: string, userData: Record<string, unknown>, session: string | null, extra: Record<string, string> = {}): Promise<WireResult> {
    const form = new URLSearchParams({
      app_id: this.appId,
      v: '3',
      platform: 'web',
      user_data: JSON.stringify(userData),
      device_identifier: this.deviceId,
      'Idempotency-Key': crypto.randomUUID(),
      r: location.href,
      ...extra,
    });
    if (session) form.set('anonymous_session', session);
    const response = await fetch(`${this.apiBase}/messenger/web/${path}`, { method: 'POST', body: form, credentials: 'include' });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { error: text };
    }
    return { status: response.status, body };
  }
}
