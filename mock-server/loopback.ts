import { isIP } from 'node:net';

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: names and addresses that never leave the machine. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = unbracket(hostname).toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1' || name === '0:0:0:0:0:0:0:1';
}

/** The warning the CLI prints when the mock listens where other machines can reach it, else null. */
export function bindWarning(host: string): string | null {
  if (isLoopbackHostname(host)) return null;
  return (
    `warning: listening on ${host}, beyond loopback: anyone who can reach this address can read the journal ` +
    'and drive the messenger; the admin API still answers loopback Host names only (add others with --allowed-hosts)'
  );
}

export function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
