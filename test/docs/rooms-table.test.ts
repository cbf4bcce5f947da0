// The rooms table in docs/architecture.md is the one generated from the lint config's allow-lists
// (eslint.config.js ROOMS), so the page cannot say one thing while the lint enforces another.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ARCHITECTURE_PAGE, loadRooms, roomsTable, tableInPage } from '../../scripts/rooms-table.ts';

describe('the rooms table', () => {
  it('in docs/architecture.md is the one generated from eslint.config.js ROOMS', async () => {
    const inPage = tableInPage(readFileSync(ARCHITECTURE_PAGE, 'utf8'));
    assert.ok(inPage !== null, `${ARCHITECTURE_PAGE} has lost the rooms-table markers`);
    assert.equal(inPage, roomsTable(await loadRooms()), `${ARCHITECTURE_PAGE}'s rooms table differs from eslint.config.js ROOMS: run \`npx tsx scripts/rooms-table.ts --write\``);
  });
});
