import { after, before } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAdminClient } from '../../harness/admin-client.ts';
import { createMockServer, type RunningMockServer } from '../../mock-server/index.ts';
import type { MockServerOptions } from '../../mock-server/types.ts';

export interface MockHandle {
  server: RunningMockServer;
  admin: MockAdminClient;
  url: string;
}

/** One mock per test file on a free port, with its spill file in a private temp folder. */
export function useMock(options: MockServerOptions = {}): MockHandle {
  const handle = {} as MockHandle;
  before(async () => {
    const spillFile = join(mkdtempSync(join(tmpdir(), 'mock-journal-')), 'spill.ndjson');
    handle.server = await createMockServer({ port: 0, spillFile, seed: 'tests', ...options });
    handle.url = handle.server.url;
    handle.admin = new MockAdminClient(handle.server.url);
  });
  after(async () => {
    await handle.server.close();
  });
  return handle;
}
