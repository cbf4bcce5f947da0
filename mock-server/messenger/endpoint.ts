import type { Session } from '../session-store.ts';
import type { MockState } from '../state.ts';
import type { IdentityResolution } from '../types.ts';
import type { Owner } from '../workspace.ts';
import type { Provenance } from './provenance.ts';
import type { Surface } from './request-context.ts';

/** What an endpoint sees: the resolved request, and the means to answer with provenance. */
export interface EndpointContext {
  state: MockState;
  surface: Surface;
  body: Record<string, unknown>;
  params: Record<string, string>;
  identity: IdentityResolution;
  owner: Owner | null;
  provenance: Provenance;
  /** Hands the owner a session unless the request already continues one of theirs. */
  issueSession(): Session | null;
  /** A first-time visitor with no anonymous_id becomes a lead of its own. */
  adoptLead(leadId: string): void;
}

export interface EndpointResult {
  status?: number;
  body: unknown;
}

export type EndpointHandler = (context: EndpointContext) => EndpointResult;

/** Ends an endpoint with a client error that names what was wrong. */
export class EndpointError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RouteMatch {
  handler: EndpointHandler;
  params: Record<string, string>;
}

/** The surface's endpoints by path (after `/messenger/<surface>/`); null for one the mock does not model. */
export type Router = (path: string) => RouteMatch | null;
