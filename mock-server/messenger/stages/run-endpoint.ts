import { stringField } from '../body-fields.ts';
import { EndpointError, type EndpointContext, type Router } from '../endpoint.ts';
import type { RequestContext, Stage } from '../request-context.ts';

/**
 * The modelled endpoint answers, as the resolved owner (made known to the workspace first); a
 * path the mock does not model is a 404 journaled as `unmodelled`, so nothing goes unseen.
 */
export function runEndpoint(route: Router): Stage {
  return {
    name: 'run endpoint',
    run(context) {
      const { state, surface, req, path, head, resolution } = context;
      const match = route(path.slice(`/messenger/${surface}/`.length));
      if (!match) {
        const error = `not modelled by the mock: ${req.method} ${head.host ?? ''}${path}`;
        context.answer = { status: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: error }] }, error, unmodelled: true };
        return;
      }
      const { owner } = context;
      if (owner?.kind === 'user') state.workspace.ensureUser(owner.user_id, stringField(context.jwt?.claims?.['email']) ?? context.claimed?.email);
      if (owner?.kind === 'lead') state.workspace.ensureLead(owner.lead_id);
      if (resolution?.continues && context.identity.via !== 'session') state.sessions.touch(resolution.continues);
      try {
        const result = match.handler(endpointContext(context, match.params));
        context.answer = { status: result.status ?? 200, body: result.body };
      } catch (endpointError) {
        if (!(endpointError instanceof EndpointError)) throw endpointError;
        context.answer = {
          status: endpointError.status,
          body: { type: 'error.list', errors: [{ code: endpointError.code, message: endpointError.message }] },
          error: endpointError.message,
        };
      }
    },
  };
}

/** The endpoint's view: identity and owner read live, since adopting a lead changes them. */
function endpointContext(context: RequestContext, params: Record<string, string>): EndpointContext {
  const { state, resolution } = context;
  return {
    state,
    surface: context.surface,
    body: context.body,
    params,
    get identity() {
      return context.identity;
    },
    get owner() {
      return context.owner;
    },
    provenance: context.provenance,
    issueSession: () => {
      if (!context.owner) return null;
      if (resolution?.continues) return resolution.continues;
      context.issued = state.sessions.issue(context.owner);
      return context.issued;
    },
    adoptLead: (leadId) => {
      context.owner = { kind: 'lead', lead_id: leadId };
      context.identity = { kind: 'lead', lead_id: leadId, via: 'anonymous_id' };
      state.workspace.ensureLead(leadId);
    },
  };
}
