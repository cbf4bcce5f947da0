import type { JournalRecord } from '../types.ts';

/** One HAR 1.2 entry per record. Request bodies are not kept; the full record rides in `_journal`. */
export function harEntry(record: JournalRecord, baseUrl: string): Record<string, unknown> {
  return {
    startedDateTime: record.time,
    time: 0,
    request: {
      method: record.method,
      url: baseUrl + record.path,
      httpVersion: 'HTTP/1.1',
      headers: record.user_agent ? [{ name: 'user-agent', value: record.user_agent }] : [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: record.response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: -1, mimeType: 'application/json' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _journal: record,
  };
}

export const HAR_CREATOR = { name: 'intercom-identity-mock', version: '0.1.0' };
