import { execFile } from 'node:child_process';

/** The command-line tools device set-up drives, and how a user gets each. */
export const DEVICE_TOOLS = {
  adb: 'install the Android SDK platform-tools (sdkmanager "platform-tools") and put $ANDROID_HOME/platform-tools on PATH',
  xcrun: 'install Xcode and its command-line tools (xcode-select --install); xcrun exists on macOS only',
  networksetup: 'networksetup ships with macOS (/usr/sbin); it exists on macOS only',
} as const;

const SUDO_HOW = 'sudo runs the tools listed in `sudo`; install it, or leave `sudo` empty and run as a user who may change the settings';

export type DeviceTool = keyof typeof DEVICE_TOOLS;

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface DeviceCommandsOptions {
  /** Receives one line per command run and one per exit: the whole command line, then its exit code. */
  log: (line: string) => void;
  /** The environment the tools run in (PATH finds them). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Strings that must never reach the log (replaced by `[redacted]`), e.g. a token in a URL. */
  secrets?: string[];
  /**
   * Tools to run through `sudo -n` (never prompts: fails instead). macOS lets only an
   * administrator change network settings, so networksetup needs it where the user is not root.
   */
  sudo?: DeviceTool[];
  /** Longest a single command may take. Default 120 s (`adb remount` can be slow). */
  timeoutMs?: number;
}

/** A device tool is not on PATH: names it and says how to install it. */
export class MissingDeviceToolError extends Error {
  constructor(readonly tool: DeviceTool | 'sudo') {
    super(`${tool} was not found on PATH; device set-up needs it: ${tool === 'sudo' ? SUDO_HOW : DEVICE_TOOLS[tool]}`);
    this.name = 'MissingDeviceToolError';
  }
}

/** A device command exited non-zero (or timed out) where set-up cannot go on without it. */
export class DeviceCommandError extends Error {
  constructor(readonly commandLine: string, readonly result: CommandResult) {
    super(`${commandLine} exited ${result.code}${result.stderr.trim() ? `: ${result.stderr.trim()}` : ''}`);
    this.name = 'DeviceCommandError';
  }
}

const quote = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/**
 * Runs `adb`, `xcrun` and `networksetup` for device set-up, found on PATH, with execFile (no
 * shell). Every command line and its exit code goes to `log`, so a run's report shows exactly
 * what was done to a device.
 */
export class DeviceCommands {
  private readonly secrets: string[];

  constructor(private readonly options: DeviceCommandsOptions) {
    this.secrets = (options.secrets ?? []).filter((secret) => secret.length > 0);
  }

  /** Runs a command; a non-zero exit throws DeviceCommandError. */
  async run(tool: DeviceTool, args: string[]): Promise<CommandResult> {
    const result = await this.attempt(tool, args);
    const elevated = this.options.sudo?.includes(tool) ? ['sudo', '-n'] : [];
    if (result.code !== 0) throw new DeviceCommandError(this.redact([...elevated, tool, ...args].map(quote).join(' ')), { ...result, stderr: this.redact(result.stderr) });
    return result;
  }

  /** Runs a command whose failure the caller judges (a probe, a best-effort restore step). */
  async attempt(tool: DeviceTool, args: string[]): Promise<CommandResult> {
    const elevated = this.options.sudo?.includes(tool) ?? false;
    const [file, argv] = elevated ? ['sudo', ['-n', tool, ...args]] : [tool, args];
    const line = this.redact([file, ...argv].map(quote).join(' '));
    this.options.log(`$ ${line}`);
    const result = await new Promise<CommandResult>((resolve, reject) => {
      execFile(file, argv, { env: this.options.env ?? process.env, timeout: this.options.timeoutMs ?? 120_000, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new MissingDeviceToolError(elevated ? 'sudo' : tool));
        const code = error ? (typeof error.code === 'number' ? error.code : error.killed ? 124 : 1) : 0;
        resolve({ stdout, stderr, code });
      });
    }).catch((error: unknown) => {
      if (error instanceof MissingDeviceToolError) this.options.log(`  ${error.tool}: not found on PATH`);
      throw error;
    });
    this.options.log(`  exit ${result.code}${result.code !== 0 && result.stderr.trim() ? `: ${this.redact(result.stderr.trim().split('\n')[0]!)}` : ''}`);
    return result;
  }

  private redact(text: string): string {
    return this.secrets.reduce((out, secret) => out.replaceAll(secret, '[redacted]'), text);
  }
}
