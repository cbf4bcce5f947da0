import type { Stage } from '../request-context.ts';

/** A request for another workspace's app_id is a 404, as Intercom answers it. */
export const rejectForeignApp: Stage = {
  name: 'reject foreign app',
  run(context) {
    const appId = context.head.app_id;
    const ours = context.state.policy.appId;
    if (appId === null || appId === ours) return;
    const error = `app_id "${appId}" is not this workspace's ("${ours}")`;
    context.answer = { status: 404, body: { type: 'error.list', errors: [{ code: 'app_not_found', message: error }] }, error };
  },
};
