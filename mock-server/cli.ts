import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_APP_ID, DEFAULT_HOST, DEFAULT_JOURNAL_CAP, DEFAULT_LEAD_CAP, DEFAULT_PORT, DEFAULT_SESSION_CAP, DEFAULT_TOKEN_TTL_S } from './constants.ts';
import { bindWarning } from './loopback.ts';
import { ACCESS_TOKEN_ENV, IDENTITY_SECRET_ENV, liveCredentialsFromEnv } from './relay/live-options.ts';
import { createMockServer, ListenError } from './server.ts';

function integer(min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}"`);
    const parsed = Number(value);
    if (parsed < min || parsed > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got ${parsed}`);
    return parsed;
  };
}

const program = new Command()
  .name('npm run mock --')
  .description('Starts the mock Intercom messenger API with its JWT journal and admin API (see README).')
  .option('-p, --port <port>', 'port to listen on; 0 picks a free one', integer(0, 65535), DEFAULT_PORT)
  .option('--host <host>', 'interface to bind', DEFAULT_HOST)
  .option('--allowed-hosts <names>', 'comma list of Host names the admin API answers besides loopback; .example.test allows subdomains', (value: string) =>
    value.split(',').map((name) => name.trim()).filter(Boolean),
  )
  .option('--app-id <id>', 'workspace app_id', DEFAULT_APP_ID)
  .option('--seed <seed>', 'makes canaries reproducible across runs')
  .option('--no-identity-verification', 'accept identified requests without a JWT')
  .option('--no-session-outlives-jwt', 'stop resolving users through a live session once their JWT expired')
  .option('--token-ttl <seconds>', 'default TTL of issued JWTs', integer(1, 10 * 365 * 24 * 3600), DEFAULT_TOKEN_TTL_S)
  .option('--journal-cap <records>', 'records kept in memory before older ones spill to file', integer(1, 50_000_000), DEFAULT_JOURNAL_CAP)
  .option('--spill-file <path>', 'NDJSON file for records beyond the cap')
  .option('--keep-spill', 'leave the spill file in place on exit (it is removed by default)')
  .option('--session-cap <sessions>', 'sessions held before the least recently used is forgotten', integer(1, 50_000_000), DEFAULT_SESSION_CAP)
  .option('--lead-cap <leads>', 'leads (first-time visitors) held before the least recently seen is forgotten', integer(1, 50_000_000), DEFAULT_LEAD_CAP)
  .option('--workspace-stand-in', `stand in for a real workspace in live mode: no seeded users, the REST API on (Bearer $${ACCESS_TOKEN_ENV}), JWTs verified with $${IDENTITY_SECRET_ENV} (docs/live-mode.md)`)
  .option('--static <mount=dir...>', 'serve a folder, e.g. /widget=subjects/web-messenger/dist')
  .showHelpAfterError('(run with --help for every option)')
  .configureOutput({ outputError: (text, write) => write(text) });

program.parse();
const options = program.opts<{
  port: number;
  host: string;
  allowedHosts?: string[];
  appId: string;
  seed?: string;
  identityVerification: boolean;
  sessionOutlivesJwt: boolean;
  tokenTtl: number;
  journalCap: number;
  spillFile?: string;
  keepSpill?: boolean;
  sessionCap: number;
  leadCap: number;
  static?: string[];
  workspaceStandIn?: boolean;
}>();

/** A stand-in workspace reads the same variables a live run does; the values are never printed. */
function standInOptions(): { primarySecret: string; rotatedSecret: null; seedUsers: []; restApi: { accessToken: string }; live: null } | Record<string, never> {
  if (!options.workspaceStandIn) return {};
  try {
    const { identitySecret, accessToken } = liveCredentialsFromEnv();
    return { primarySecret: identitySecret, rotatedSecret: null, seedUsers: [], restApi: { accessToken }, live: null };
  } catch (error) {
    console.error(`error: --workspace-stand-in: ${(error as Error).message}`);
    process.exit(2);
  }
}

const staticRoutes = (options.static ?? []).map((entry) => {
  const [path, dir] = entry.split('=');
  if (!path?.startsWith('/') || !dir) program.error(`error: --static expects /mount=folder, got "${entry}"`);
  return { path: path!, dir: dir! };
});

try {
  const server = await createMockServer({
    port: options.port,
    host: options.host,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    appId: options.appId,
    ...(options.seed ? { seed: options.seed } : {}),
    enforceIdentityVerification: options.identityVerification,
    sessionOutlivesJwt: options.sessionOutlivesJwt,
    defaultTokenTtlS: options.tokenTtl,
    journalCap: options.journalCap,
    ...(options.spillFile ? { spillFile: options.spillFile } : {}),
    keepSpillFile: options.keepSpill ?? false,
    sessionCap: options.sessionCap,
    leadCap: options.leadCap,
    staticRoutes,
    ...standInOptions(),
  });
  const { policy, workspace, journal } = server.state;
  console.log(`mock Intercom API listening on ${server.url}`);
  console.log(`  app_id              ${policy.appId}`);
  console.log(`  identity verified   ${policy.enforceIdentityVerification ? 'yes (JWT required)' : 'no'}`);
  console.log(`  admin API           ${server.url}/__admin/health`);
  console.log(`  token service       ${server.url}/app-backend/{login,jwt,logout}`);
  if (options.workspaceStandIn) console.log(`  workspace stand-in  REST API ${server.url}/{contacts,conversations} (Bearer $${ACCESS_TOKEN_ENV}); JWTs verified with $${IDENTITY_SECRET_ENV}`);
  if (server.state.relay) console.log(`  live mode           relaying to ${server.state.relay.upstream ?? "Intercom's hosts"}`);
  console.log(`  journal             ${journal.stats().cap} records in memory, then ${journal.stats().spillFile}${options.keepSpill ? ' (kept on exit)' : ' (removed on exit)'}`);
  for (const user of workspace.listUsers()) console.log(`  user ${user.user_id.padEnd(14)} ${user.email ?? ''}  canaries ${user.canaries.join(', ')}`);
  const warning = bindWarning(options.host);
  if (warning) console.warn(warning);
  // The first signal closes the server, which removes the spill file; a second one exits at once
  // (the journal's exit hook still removes it).
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`error: closing the mock failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`error: ${error instanceof ListenError ? error.message : (error as Error).message}`);
  process.exit(1);
}
