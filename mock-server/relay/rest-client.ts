/** The REST API version the planter speaks (Intercom-Version header). */
const INTERCOM_VERSION = '2.11';
const CALL_TIMEOUT_MS = 30_000;

/** A REST call that failed: the message names the call and Intercom's answer, never the token. */
export class RestApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The few calls of Intercom's REST API live mode makes, with the workspace's access token. */
export class IntercomRestClient {
  constructor(
    private readonly base: string,
    private readonly accessToken: string,
  ) {}

  createUser(user: { external_id: string; email: string | null; name: string }): Promise<{ id: string }> {
    return this.call('POST', '/contacts', { role: 'user', external_id: user.external_id, ...(user.email ? { email: user.email } : {}), name: user.name }) as Promise<{ id: string }>;
  }

  startConversation(contactId: string, body: string): Promise<unknown> {
    return this.call('POST', '/conversations', { from: { type: 'user', id: contactId }, body });
  }

  async deleteContact(contactId: string): Promise<void> {
    await this.call('DELETE', `/contacts/${encodeURIComponent(contactId)}`);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const what = `Intercom REST API ${method} ${this.base}${path}`;
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers: { authorization: `Bearer ${this.accessToken}`, accept: 'application/json', 'intercom-version': INTERCOM_VERSION, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      throw new RestApiError(`${what} failed: ${cause?.code ?? (error as Error).message}`, null);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      const errors = (parsed as { errors?: { code?: string; message?: string }[] } | null)?.errors ?? [];
      const said = errors.map((entry) => `${entry.code ?? '?'}: ${entry.message ?? ''}`).join('; ') || text.slice(0, 200);
      const hint = response.status === 401 ? ' (check the access token in INTERCOM_ACCESS_TOKEN)' : '';
      throw new RestApiError(`${what} answered ${response.status}: ${said}${hint}`, response.status);
    }
    return parsed;
  }
}
