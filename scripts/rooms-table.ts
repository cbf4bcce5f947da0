/**
 * The rooms table of docs/architecture.md ("Rooms and what each may import"), generated from the
 * allow-lists in eslint.config.js (ROOMS), so the page and the lint rules cannot drift apart.
 * `npx tsx scripts/rooms-table.ts` prints the table; `--write` puts it into the page between its
 * markers. test/docs/rooms-table.test.ts fails when the page's table is not the generated one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Room {
  room: string;
  is: string;
  mayImport: string[];
  packages: string[];
}

export const ARCHITECTURE_PAGE = 'docs/architecture.md';
const BEGIN = '<!-- rooms table: generated from eslint.config.js by scripts/rooms-table.ts -->';
const END = '<!-- end of rooms table -->';

export async function loadRooms(): Promise<Room[]> {
  // The lint config is plain JavaScript; its named export ROOMS is the data the rules are built from.
  const config = (await import(pathToFileURL(resolve('eslint.config.js')).href)) as { ROOMS: Room[] };
  return config.ROOMS;
}

const code = (value: string): string => `\`${value}\``;
const list = (values: string[], none: string): string => (values.length ? values.map(code).join(', ') : none);

/** The Markdown table: each room, what it is, the other rooms (or files) and the packages it may import. */
export function roomsTable(rooms: readonly Room[]): string {
  const rows = rooms.map(({ room, is, mayImport, packages }) => {
    const others = mayImport.filter((entry) => entry !== room);
    const local = mayImport.includes('*') ? 'anything' : mayImport.length ? list(others, 'only itself') : '—';
    return `| ${code(room)} | ${is.replaceAll('|', '\\|')} | ${local} | ${packages.includes('*') ? 'any' : list(packages, '—')} |`;
  });
  return ['| room | what it is | may import (besides itself) | packages |', '|---|---|---|---|', ...rows].join('\n');
}

/** The table as it stands in the page, between the markers, or null when the markers are missing. */
export function tableInPage(page: string): string | null {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) return null;
  return page.slice(begin + BEGIN.length, end).trim();
}

function withTable(page: string, table: string): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${ARCHITECTURE_PAGE} has no rooms-table markers; put "${BEGIN}" and "${END}" where the table goes`);
  return `${page.slice(0, begin + BEGIN.length)}\n${table}\n${page.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const table = roomsTable(await loadRooms());
  if (process.argv.includes('--write')) {
    writeFileSync(ARCHITECTURE_PAGE, withTable(readFileSync(ARCHITECTURE_PAGE, 'utf8'), table));
    console.log(`wrote the rooms table into ${ARCHITECTURE_PAGE}`);
  } else {
    console.log(table);
  }
}
