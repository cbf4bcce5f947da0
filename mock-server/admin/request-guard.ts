import type { RequestHandler } from 'express';
import { isLoopbackHostname, unbracket } from '../loopback.ts';

/**
 * Keeps web pages away from the admin API. A page can post a form or a `text/plain` body to any
 * origin without a preflight, and DNS rebinding lets it reach 127.0.0.1 under its own host name.
 * So the admin API answers only loopback (or explicitly allowed) `Host`s, only requests with no
 * `Origin` (curl, Node) or a loopback one, and takes bodies as `application/json` only.
 */
export function adminRequestGuard(allowedHosts: readonly string[]): RequestHandler {
  const allowed = allowedHosts.map((host) => host.toLowerCase());
  const isAllowed = (hostname: string): boolean => {
    const name = unbracket(hostname).toLowerCase();
    if (isLoopbackHostname(name)) return true;
    // A leading dot allows the name and every subdomain, as Vite's server.allowedHosts does.
    return allowed.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === unbracket(entry)));
  };
  return (req, res, next) => {
    const host = req.headers.host ?? '';
    const hostname = hostnameOf(host);
    if (!hostname || !isAllowed(hostname)) {
      res.status(403).json({
        error: `Host "${hostname ?? host}" is not allowed for the admin API: it answers 127.0.0.1, localhost and [::1] (any port); start the mock with --allowed-hosts ${hostname || '<name>'} to allow this one`,
      });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, isAllowed)) {
      res.status(403).json({ error: `Origin "${origin}" may not use the admin API: only requests without an Origin (curl, Node) or from a loopback origin may` });
      return;
    }
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const contentType = req.headers['content-type'];
    const readsOnly = req.method === 'GET' || req.method === 'HEAD';
    if (!readsOnly && (hasBody || contentType !== undefined) && !isJsonType(contentType)) {
      res.status(415).json({
        error: `the admin API takes JSON bodies only: send Content-Type: application/json${contentType ? ` (got "${contentType}")` : ' (none was sent)'}, or no body at all`,
      });
      return;
    }
    next();
  };
}

/** The name in a `Host` header (`name`, `name:port`, `[v6]:port`); null for anything else. */
function hostnameOf(host: string): string | null {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::\d{1,5})?$/.exec(host);
  return match ? match[1]! : null;
}

/** `application/json` or a `+json` type, with any parameters. */
function isJsonType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);
}

function originAllowed(origin: string, isAllowed: (hostname: string) => boolean): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isAllowed(url.hostname);
  } catch {
    return false;
  }
}
