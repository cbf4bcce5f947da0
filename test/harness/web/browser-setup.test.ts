import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { EXIT } from '../../../harness/exit-codes.ts';
import { obtainBrowser, type BrowserSetupOptions } from '../../../harness/web/browser-setup.ts';

/**
 * A machine with no browser anywhere the harness looks: Playwright's own is absent and the system
 * paths are a temporary folder's. Stand-ins for apt-get (on PATH) and Playwright's CLI record how
 * they were called and "install" by creating the executable where the real one would land.
 */
function bareMachine(opts: { apt: 'installs' | 'no-package' | 'absent'; playwright: 'downloads' | 'fails' }) {
  const dir = mkdtempSync(join(tmpdir(), 'browser-setup-'));
  const bin = join(dir, 'bin');
  const calls = join(dir, 'calls.log');
  const systemChromium = join(dir, 'usr-lib-chromium', 'chromium');
  const playwrightExecutable = join(dir, 'ms-playwright', 'chrome');
  const fakeBrowser = (path: string) => `mkdir -p "$(dirname '${path}')" && printf '#!/bin/sh\\n' > '${path}' && chmod +x '${path}'`;
  const script = (name: string, body: string) => {
    const path = join(bin, name);
    writeFileSync(path, `#!/bin/sh\necho "${name} $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> '${calls}'\n${body}\n`);
    chmodSync(path, 0o755);
  };
  execFileSync('mkdir', ['-p', bin]);
  if (opts.apt !== 'absent') {
    script(
      'apt-get',
      opts.apt === 'installs'
        ? `case "$1" in update) echo 'Reading package lists...';; install) echo 'Setting up chromium (1.0) ...'; ${fakeBrowser(systemChromium)};; esac`
        : `case "$1" in update) echo 'Reading package lists...';; install) echo "E: Unable to locate package $5" >&2; exit 100;; esac`,
    );
  }
  const playwrightCli = join(dir, 'playwright-cli.mjs');
  writeFileSync(
    playwrightCli,
    `import { appendFileSync } from 'node:fs'; import { execSync } from 'node:child_process';
appendFileSync(${JSON.stringify(calls)}, 'playwright ' + process.argv.slice(2).join(' ') + '\\n');
if (process.argv[2] === 'install') {
  ${opts.playwright === 'downloads' ? `console.log('Downloading Chromium 100% of 170 MiB'); execSync(${JSON.stringify(fakeBrowser(playwrightExecutable))});` : `console.error('Error: Download failure, code=1'); process.exit(1);`}
}`,
  );
  const log: string[] = [];
  const options = (isRoot: boolean): BrowserSetupOptions => ({
    env: { PATH: `${bin}:${process.env['PATH']}`, CONFORMANCE_SYSTEM_CHROMIUM: systemChromium },
    isRoot,
    platform: 'linux',
    playwrightExecutable,
    playwrightCli,
    log: (line) => log.push(line),
  });
  const recorded = () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);
  return { dir, bin, systemChromium, playwrightExecutable, options, log, recorded };
}

describe('obtaining a browser for the web checks', () => {
  it('uses the browser that is there and runs no set-up command', async () => {
    const machine = bareMachine({ apt: 'installs', playwright: 'downloads' });
    execFileSync('sh', ['-c', `mkdir -p "$(dirname '${machine.systemChromium}')" && touch '${machine.systemChromium}' && chmod +x '${machine.systemChromium}'`]);
    const result = await obtainBrowser(machine.options(true));
    assert.deepEqual(result, { ok: true, browser: { source: 'system', executablePath: machine.systemChromium }, obtained: 'already-there' });
    assert.deepEqual(machine.recorded(), []);
  });

  it("prefers Playwright's download, with its system libraries when root", async () => {
    const machine = bareMachine({ apt: 'installs', playwright: 'downloads' });
    const result = await obtainBrowser(machine.options(true));
    assert.deepEqual(result, { ok: true, browser: { source: 'playwright', executablePath: machine.playwrightExecutable }, obtained: 'playwright-download' });
    assert.deepEqual(machine.recorded(), ['playwright install chromium', 'playwright install-deps chromium']);
    assert.ok(machine.log.some((line) => line.includes('Downloading Chromium')), 'the download shows its progress');
  });

  it("falls back to the OS package when root and Playwright's download fails", async () => {
    const machine = bareMachine({ apt: 'installs', playwright: 'fails' });
    const result = await obtainBrowser(machine.options(true));
    assert.deepEqual(result, { ok: true, browser: { source: 'system', executablePath: machine.systemChromium }, obtained: 'os-package' });
    assert.deepEqual(machine.recorded(), [
      'playwright install chromium',
      'apt-get update -q DEBIAN_FRONTEND=noninteractive',
      'apt-get install -y -q --no-install-recommends chromium DEBIAN_FRONTEND=noninteractive',
    ]);
    assert.ok(machine.log.some((line) => line.includes('Setting up chromium')), "apt-get's progress is shown");
  });

  it('tells a user who is not root exactly what to install, and installs nothing', async () => {
    const machine = bareMachine({ apt: 'installs', playwright: 'fails' });
    const result = await obtainBrowser(machine.options(false));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.match(result.instruction, /^No browser for the web checks: run "npx playwright install --with-deps chromium".*"sudo apt-get install chromium".*CHROMIUM_PATH/);
    assert.match(result.instruction, /tried: Playwright's download failed \(Error: Download failure, code=1\); not root/);
    assert.doesNotMatch(result.instruction, /\n/);
    assert.deepEqual(machine.recorded(), ['playwright install chromium']);
  });

  it('names what the OS package manager said when it has no chromium', async () => {
    const machine = bareMachine({ apt: 'no-package', playwright: 'fails' });
    const result = await obtainBrowser(machine.options(true));
    assert.ok(!result.ok);
    assert.match(result.instruction, /apt-get install chromium failed \(E: Unable to locate package chromium\); apt-get install chromium-browser failed \(E: Unable to locate package chromium-browser\)/);
  });

  it('refuses a CHROMIUM_PATH that is not an executable, naming it', async () => {
    const machine = bareMachine({ apt: 'installs', playwright: 'downloads' });
    const options = machine.options(true);
    await assert.rejects(obtainBrowser({ ...options, env: { ...options.env, CHROMIUM_PATH: '/nowhere/chrome' } }), /CHROMIUM_PATH=\/nowhere\/chrome is not an executable file/);
  });
});

describe('npm run setup:browser on a machine with no browser', () => {
  const run = promisify(execFile);
  // Playwright's real CLI, its download pointed at a closed loopback port so it fails at once;
  // apt-get is the stand-in on PATH.
  const setup = (machine: ReturnType<typeof bareMachine>) =>
    run(process.execPath, ['--import', 'tsx', 'harness/web/setup-browser.ts'], {
      env: {
        ...process.env,
        PATH: `${machine.bin}:${process.env['PATH']}`,
        PLAYWRIGHT_BROWSERS_PATH: join(machine.dir, 'ms-playwright'),
        PLAYWRIGHT_DOWNLOAD_HOST: 'http://127.0.0.1:9',
        CONFORMANCE_SYSTEM_CHROMIUM: machine.systemChromium,
        CHROMIUM_PATH: '',
      },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('obtains one (as root, through the OS package) and prints where it is', { skip: process.getuid?.() !== 0 && 'needs root, as the OS-package path does' }, async () => {
    const machine = bareMachine({ apt: 'installs', playwright: 'fails' });
    const { code, stdout } = await setup(machine);
    assert.equal(code, 0, stdout);
    assert.equal(stdout.trim().split('\n').at(-1), `browser: the system's Chromium ${machine.systemChromium} (just installed from the OS packages)`);
  });

  it(`exits ${EXIT.noBrowser} with one line saying what to install when nothing works`, async () => {
    const machine = bareMachine({ apt: 'no-package', playwright: 'fails' });
    const { code, stderr } = await setup(machine);
    assert.equal(code, EXIT.noBrowser);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, /^No browser for the web checks: run .*tried: Playwright's download failed \(Error: .*\); apt-get install chromium failed/);
  });
});
