import { getLocal, type CompletedRequest, type Headers, type Mockttp } from 'mockttp';
import { HOST_HEADER, INTERCOM_DOMAINS, isIntercomHost, PROXY_HEADERS } from '../mock-server/index.ts';
import { listeningServerOf, rebindToLoopback, tlsFactsByClient, type TlsFacts } from './loopback-listener.ts';
import type { PassedRequest, RecordingProxy, RecordingProxyOptions } from './types.ts';

/** Our own stamps: whatever a client sent under these names is dropped before ours are set. */
const STAMPS: readonly string[] = [HOST_HEADER, ...Object.values(PROXY_HEADERS)];

/**
 * Starts the recording proxy (mockttp) on 127.0.0.1: every request to one of Intercom's hosts,
 * over HTTP or HTTPS (TLS intercepted with the run's CA), goes to `targetUrl` with its method,
 * path, query, headers and body as sent, plus the host it was addressed to, when the proxy had
 * it and the TLS the client negotiated. Other traffic passes through untouched (TLS tunnelled
 * without interception) or is refused with a 403, and is noted without its body.
 */
export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const target = parseTarget(options.targetUrl);
  const log = options.log ?? (() => {});
  const otherTraffic = options.otherTraffic ?? 'pass-through';
  const passed: PassedRequest[] = [];
  const passedById = new Map<string, PassedRequest>();
  /** `METHOD host/path` of each forwarded request until its answer, for the log (mockttp hands the rewritten request to beforeResponse). */
  const addressed = new Map<string, string>();

  const intercepted = INTERCOM_DOMAINS.flatMap((domain) => [{ hostname: domain }, { hostname: `*.${domain}` }]);
  const proxy: Mockttp = getLocal({
    https: {
      cert: options.ca.certPem,
      key: options.ca.keyPem,
      // Refusing needs the request, so TLS to any host is opened; passing through leaves it sealed.
      ...(otherTraffic === 'pass-through' ? { tlsInterceptOnly: intercepted } : {}),
    },
    http2: false,
    recordTraffic: false,
    suggestChanges: false,
  });

  await proxy.start(0);
  const server = listeningServerOf(proxy);
  const tlsOf = tlsFactsByClient(server);
  const port = await rebindToLoopback(server, options.port ?? 0);

  await proxy
    .forAnyRequest()
    .matching((request) => isIntercomHost(request.destination.hostname))
    .always()
    .thenPassThrough({
      beforeRequest: (request) => {
        const tls = request.protocol === 'https' ? tlsOf(request.remoteIpAddress, request.remotePort) : null;
        addressed.set(request.id, `${request.method} ${request.destination.hostname}${pathOnly(request.path)}`);
        return { url: `${target.origin}${target.pathname.replace(/\/$/, '')}${request.path}`, headers: forwardedHeaders(request, target, tls) };
      },
      beforeResponse: (response) => {
        log(`proxy: ${addressed.get(response.id) ?? 'a request'} → mock ${response.statusCode}`);
        addressed.delete(response.id);
      },
    });

  if (otherTraffic === 'refuse') {
    await proxy.forUnmatchedRequest().always().thenCallback((request) => {
      note(request, 'refused');
      log(`proxy: refused ${request.method} ${request.destination.hostname} (not one of Intercom's hosts)`);
      return { statusCode: 403, headers: { 'content-type': 'text/plain' }, body: `refused by the recording proxy: ${request.destination.hostname} is not one of Intercom's hosts\n` };
    });
  } else {
    await proxy.forUnmatchedRequest().always().thenPassThrough({
      beforeRequest: (request) => {
        note(request, 'passed');
      },
    });
  }

  function note(request: { id: string; method: string; destination: { hostname: string } }, outcome: PassedRequest['outcome']): void {
    const entry: PassedRequest = { time: new Date().toISOString(), method: request.method, host: request.destination.hostname, outcome };
    passed.push(entry);
    passedById.set(request.id, entry);
  }

  await proxy.on('response', (response) => {
    const entry = passedById.get(response.id);
    if (!entry) return;
    passedById.delete(response.id);
    if (response.tags.some((tag) => tag.startsWith('passthrough-error:'))) {
      entry.outcome = 'failed';
      log(`proxy: ${entry.method} ${entry.host} failed upstream (${response.tags.join(', ')})`);
    }
  });
  await proxy.on('abort', (request) => {
    addressed.delete(request.id);
    const entry = passedById.get(request.id);
    if (entry) {
      entry.outcome = 'failed';
      passedById.delete(request.id);
    }
    log(`proxy: ${request.method} ${request.destination.hostname}${pathOnly(request.path)} aborted${request.error?.code ? ` (${request.error.code})` : ''}`);
  });
  await proxy.on('tls-passthrough-opened', (tunnel) => {
    passed.push({ time: new Date().toISOString(), method: 'CONNECT', host: tunnel.destination.hostname, outcome: 'passed' });
  });
  await proxy.on('tls-client-error', (failure) => {
    log(`proxy: TLS handshake with a client for ${failure.tlsMetadata.sniHostname ?? failure.destination?.hostname ?? 'an unnamed host'} failed (${failure.failureCause})`);
  });
  await proxy.on('client-error', (error) => {
    log(`proxy: a client sent what is not HTTP (${error.errorCode ?? 'unknown'})`);
  });

  const url = `http://127.0.0.1:${port}`;
  log(`proxy: listening on ${url}, forwarding Intercom's hosts to ${target.origin}, other traffic ${otherTraffic === 'refuse' ? 'refused' : 'passed through'}`);
  return {
    url,
    port,
    ca: options.ca,
    passed: () => passed.map((entry) => ({ ...entry })),
    stop: () => proxy.stop(),
  };
}

function parseTarget(targetUrl: string): URL {
  let target: URL;
  try {
    target = new URL(targetUrl);
  } catch {
    throw new Error(`targetUrl ${JSON.stringify(targetUrl)} is not a URL: give the mock's base URL, e.g. http://127.0.0.1:4010`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`targetUrl ${targetUrl} is not http(s): give the mock's base URL, e.g. http://127.0.0.1:4010`);
  return target;
}

/** The request's headers as sent, the Host made the mock's, and the proxy's stamps set (never a client's). */
function forwardedHeaders(request: CompletedRequest, target: URL, tls: TlsFacts | null): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!STAMPS.includes(name.toLowerCase())) headers[name] = value;
  }
  headers['host'] = target.host;
  headers[HOST_HEADER] = request.destination.hostname;
  headers[PROXY_HEADERS.receivedAt] = new Date(request.timingEvents.startTime).toISOString();
  if (tls?.version) headers[PROXY_HEADERS.tlsVersion] = tls.version;
  if (tls?.sni) headers[PROXY_HEADERS.tlsSni] = tls.sni;
  if (tls?.cipher) headers[PROXY_HEADERS.tlsCipher] = tls.cipher;
  return headers;
}

/** A path without its query, which may carry a token. */
function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}
