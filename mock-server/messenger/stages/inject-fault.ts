import type { Stage } from '../request-context.ts';

/**
 * A fault the admin API set for this path answers instead of the endpoint (when it has a
 * status); one with only a delay lets the request through and holds its response.
 */
export const injectFault: Stage = {
  name: 'inject fault',
  run(context) {
    const fault = context.state.faults.take(context.path, context.platform, context.head.ns) ?? null;
    context.fault = fault;
    if (fault?.status === undefined) return;
    context.answer = {
      status: fault.status,
      body: fault.body ?? { type: 'error.list', errors: [{ code: 'injected_fault', message: `fault ${fault.id} injected by the admin API` }] },
      error: `injected fault ${fault.id}`,
    };
  },
};
