import type { NextFunction, Request, Response } from 'express';
import type { MockState } from '../state.ts';
import type { Router } from './endpoint.ts';
import { runStages, type Stage, type Surface } from './request-context.ts';
import { injectFault } from './stages/inject-fault.ts';
import { journalRequest } from './stages/journal-request.ts';
import { judgeTokens } from './stages/judge-tokens.ts';
import { lookUpSession } from './stages/look-up-session.ts';
import { readRequest } from './stages/read-request.ts';
import { refuseUnverified } from './stages/refuse-unverified.ts';
import { rejectBadInput } from './stages/reject-bad-input.ts';
import { rejectForeignApp } from './stages/reject-foreign-app.ts';
import { resolveRequestIdentity } from './stages/resolve-identity.ts';
import { relayToWorkspace } from './stages/relay-to-workspace.ts';
import { respond } from './stages/respond.ts';
import { runEndpoint } from './stages/run-endpoint.ts';

/**
 * The stages every messenger request goes through, in order, after it is read: judge every JWT,
 * look up the session, resolve the identity, then the first stage that answers wins (bad input,
 * live mode's relay to the workspace, an injected fault, another app's id, a refusal, the endpoint); the journal and the response
 * come last, always. A new stage is one entry here.
 */
export function messengerStages(route: Router): Stage[] {
  return [judgeTokens, rejectBadInput, lookUpSession, resolveRequestIdentity, relayToWorkspace, injectFault, rejectForeignApp, refuseUnverified, runEndpoint(route), journalRequest, respond];
}

/**
 * The one path every messenger request takes (messengerStages). The record is appended before
 * the response is written, so a waiter sees it no later than the client. Whatever throws goes to
 * `messengerErrorHandler`, which journals it.
 */
export function messengerPipeline(state: MockState, surface: Surface, route: Router, stages: readonly Stage[] = messengerStages(route)) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      await runStages(readRequest(state, surface, req, res), stages);
    } catch (error) {
      next(error);
    }
  };
}
