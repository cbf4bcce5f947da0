import { relayToWorkspace as relay } from '../../relay/relay-stage.ts';
import type { Stage } from '../request-context.ts';
import { sessionEvidence } from './look-up-session.ts';

/**
 * Live mode (docs/live-mode.md): the workspace answers in place of the mock's faults, refusals and
 * endpoints. The record keeps the verdicts judged so far and what came back; the relay journals and
 * writes the workspace's answer itself, so the journal and respond stages leave it be.
 */
export const relayToWorkspace: Stage = {
  name: 'relay to the workspace',
  async run(context) {
    const { state } = context;
    if (!state.relay || !context.resolution) return;
    await relay(state.relay, state, context.surface, context.req, context.res, { ...context.head, user_data: context.claimed, jwt: context.jwt, jwts: context.jwts, session: sessionEvidence(context.session) }, context.resolution);
    context.answer = { status: context.res.statusCode, body: null, delivered: true };
  },
};
