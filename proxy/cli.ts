import { Command, InvalidArgumentError } from 'commander';
import { defaultCaDir, ensureCertificateAuthority } from './certificate-authority.ts';
import { startRecordingProxy } from './recording-proxy.ts';

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError(`expected a port from 0 to 65535, got "${value}"`);
  return Number(value);
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`expected the mock's base URL, e.g. http://127.0.0.1:4010, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(`expected an http(s) URL, got "${value}"`);
  return value;
}

const program = new Command()
  .name('npm run proxy --')
  .description("Starts the recording proxy on 127.0.0.1: a device's requests to Intercom's hosts go to the mock (journaled there), other traffic passes through or is refused (docs/recording-proxy.md).")
  .option('--target <url>', "the mock's base URL", httpUrl, 'http://127.0.0.1:4010')
  .option('-p, --port <port>', 'port to listen on; 0 picks a free one', port, 8080)
  .option('--refuse-other', "answer 403 to every host that is not Intercom's instead of passing it through")
  .option('--ca-dir <dir>', 'folder of the CA files (default .conformance/ca/, or CONFORMANCE_CA_DIR)')
  .showHelpAfterError('(run with --help for every option)')
  .configureOutput({ outputError: (text, write) => write(text) });

program.parse();
const options = program.opts<{ target: string; port: number; refuseOther?: boolean; caDir?: string }>();

try {
  const ca = await ensureCertificateAuthority(options.caDir ?? defaultCaDir(), (line) => console.log(line));
  const proxy = await startRecordingProxy({ targetUrl: options.target, ca, port: options.port, otherTraffic: options.refuseOther ? 'refuse' : 'pass-through', log: (line) => console.log(line) });
  console.log(`recording proxy listening on ${proxy.url}`);
  console.log(`  forwards to         ${options.target}`);
  console.log(`  other traffic       ${options.refuseOther ? 'refused (403)' : 'passed through untouched'}`);
  console.log(`  CA (PEM)            ${ca.certPath}`);
  console.log(`  CA (DER)            ${ca.derPath}`);
  console.log(`  CA (Android system) ${ca.androidSystemPath}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(signal === 'SIGINT' ? 130 : 143);
    stopping = true;
    proxy.stop().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`error: stopping the proxy failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
