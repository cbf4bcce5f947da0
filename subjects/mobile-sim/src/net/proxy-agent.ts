import { ProxyAgent } from 'undici';

export interface ProxyRoute {
  /** `http://127.0.0.1:<port>`: the recording proxy, as a device's `http_proxy` names it. */
  proxyUrl: string;
  /** The run's CA certificate (PEM): the only root the device trusts for HTTPS through the proxy. */
  caPem: string;
}

/**
 * How a device on a proxied network reaches HTTPS hosts: a CONNECT tunnel through the proxy, TLS
 * inside it verified against the run's CA alone (`ca` replaces Node's root store, so a certificate
 * from any other CA fails the handshake, as it would on a device that does not trust it). Nothing
 * is resolved or connected directly: an unreachable proxy is a network error, never a fallback.
 */
export function proxyAgent(route: ProxyRoute): ProxyAgent {
  return new ProxyAgent({ uri: route.proxyUrl, requestTls: { ca: route.caPem, rejectUnauthorized: true } });
}
