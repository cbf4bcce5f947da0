/**
 * A function of ours as script text for the page (an init script, an evaluation), called with one
 * JSON argument. Playwright serializes functions with `toString()`; under a loader that keeps
 * function names (tsx, esbuild's keepNames) that text calls a `__name` helper the page does not
 * have, so the text brings a stand-in for it.
 */
export function pageScript<A>(fn: (arg: A) => unknown, arg?: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}
