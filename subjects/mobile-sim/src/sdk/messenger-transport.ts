import type { Dispatcher } from 'undici';
import { postJson, type JsonResponse } from '../net/post-json.ts';
import { SENT_HEADER } from './send-order.ts';

export interface TransportOptions {
  /** Base of the messenger API: the mock's URL, or Intercom's host in the proxy mode; paths go under `/messenger/mobile/`. */
  baseUrl: string;
  appId: string;
  deviceIdentifier: string;
  userAgent: string;
  /** `X-Mock-Ns` for a mock shared by parallel sessions. */
  namespace: string | null;
  /** The proxy agent of the real-network mode; every request goes through it. Absent: direct. */
  dispatcher?: Dispatcher | undefined;
}

/**
 * The SDK's HTTP client: `POST {base}/messenger/mobile/{path}` with a JSON body that always carries
 * `app_id` and `device_identifier`, under the platform's User-Agent, stamped with the device's
 * send counter (`x-conformance-sent`). What else goes in the body (JWT, session, user) is the SDK
 * model's decision.
 */
export class MessengerTransport {
  private readonly baseUrl: string;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  get userAgent(): string {
    return this.options.userAgent;
  }

  post(path: string, fields: Record<string, unknown>, sent: number): Promise<JsonResponse> {
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, [SENT_HEADER]: String(sent) };
    if (this.options.namespace) headers['x-mock-ns'] = this.options.namespace;
    const body = { app_id: this.options.appId, device_identifier: this.options.deviceIdentifier, ...fields };
    return postJson(`${this.baseUrl}/messenger/mobile/${path}`, body, headers, this.options.dispatcher);
  }

  /** Closes the proxy agent's connections (the session ended). */
  async close(): Promise<void> {
    await this.options.dispatcher?.close();
  }
}
