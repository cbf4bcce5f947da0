/**
 * Sees the page's own `Intercom(...)` calls, whatever messenger answers them (the loader's queue
 * stub, the local messenger, Intercom's real widget): an init script wraps every function assigned
 * to `window.Intercom` in a transparent Proxy (the stub's `q`, the widget's properties, `in` checks
 * all pass through) and reports `boot`, `update` and `shutdown` the moment they are called.
 *
 * The report is a synchronous XMLHttpRequest to the page's own origin, answered by the browser
 * routing: the page's script does not go on until the harness has placed the call in send order,
 * so every request the page sends after `shutdown` is numbered after it, and every request sent
 * before is numbered before, whatever order they reach the mock in. Same-origin, so a page's
 * `connect-src 'self'` policy lets it through.
 */

/** Path on the page's origin the observer reports to; the routing answers it, nothing else sees it. */
export const CALL_REPORT_PATH = '/__intercom-conformance/call';

export const OBSERVED_COMMANDS = ['boot', 'update', 'shutdown'] as const;
export type ObservedCommand = (typeof OBSERVED_COMMANDS)[number];

/** What the observer reports of one call: the command and the identity its settings carried. */
export interface IntercomCallReport {
  command: ObservedCommand;
  /** `intercom_user_jwt` of the call's settings, when it carried one. */
  jwt: string | null;
  user_id: string | null;
  /** The page the call was made on. */
  url: string;
}

/** Runs in every document before the page's scripts (Playwright serializes it). */
export function observeIntercomCalls(reportPath: string): void {
  if (window !== window.top) return;
  const watched = new Set(['boot', 'update', 'shutdown']);
  const wrapped = new WeakSet<object>();
  const report = (command: string, settings: unknown): void => {
    const given = (settings ?? {}) as Record<string, unknown>;
    const body = JSON.stringify({
      command,
      jwt: typeof given['intercom_user_jwt'] === 'string' ? given['intercom_user_jwt'] : null,
      user_id: typeof given['user_id'] === 'string' ? given['user_id'] : null,
      url: location.href,
    });
    try {
      const request = new XMLHttpRequest();
      request.open('POST', reportPath, false);
      request.setRequestHeader('content-type', 'application/json');
      request.send(body);
    } catch {
      // A page that forbids even same-origin requests still runs; its calls go unobserved.
    }
  };
  const wrap = (value: unknown): unknown => {
    if (typeof value !== 'function' || wrapped.has(value)) return value;
    const proxy = new Proxy(value, {
      apply(target, self, args: unknown[]) {
        if (typeof args[0] === 'string' && watched.has(args[0])) report(args[0], args[1]);
        return Reflect.apply(target, self, args);
      },
    });
    wrapped.add(proxy);
    return proxy;
  };
  let current = wrap((window as unknown as { Intercom?: unknown }).Intercom);
  Object.defineProperty(window, 'Intercom', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: unknown) => {
      current = wrap(value);
    },
  });
}
