import type { ClaimedIdentity, IdentityResolution, JwtEvidence, JwtStatus } from '../types.ts';
import type { Session, SessionLookup } from '../session-store.ts';
import { sameOwner, type Owner } from '../workspace.ts';

export interface ResolutionInput {
  jwt: JwtEvidence | null;
  claimed: ClaimedIdentity | null;
  session: SessionLookup | null;
  enforce: boolean;
  sessionOutlivesJwt: boolean;
  /** False only in the benchmark's bare-stack mode: the claimed user is believed. */
  verify: boolean;
}

export type Refusal = JwtStatus | 'jwt_required';

export interface Resolution {
  identity: IdentityResolution;
  owner: Owner | null;
  /** The live session this request continues, when it continues one of its owner's. */
  continues: Session | null;
  refusal: Refusal | null;
}

const NONE: IdentityResolution = { kind: 'none' };

/**
 * Decides who a messenger request speaks for, the way Intercom does under Messenger Security:
 * a valid JWT names the user; an expired one is still served through a live session of the same
 * user (Intercom staff, Jan 2026); identified data without a JWT is refused; a request with no
 * identity of its own is resumed by whatever live session it carries, which is exactly where a
 * stale cookie leaks the previous user, so the journal shows `via: "session"`.
 */
export function resolveIdentity(input: ResolutionInput): Resolution {
  const live = input.session?.state === 'live' ? input.session.session : null;
  const continuesOwner = (owner: Owner): Session | null => (live && sameOwner(live.owner, owner) ? live : null);

  if (!input.verify) {
    if (input.claimed?.user_id) return asUser(input.claimed.user_id, 'unverified', continuesOwner);
    return fromSessionOrLead(input, live, continuesOwner);
  }

  if (input.jwt) {
    const jwtUser = input.jwt.claims?.['user_id'];
    if (input.jwt.status === 'valid' && typeof jwtUser === 'string') return asUser(jwtUser, 'jwt', continuesOwner);
    if (
      input.jwt.status === 'expired' &&
      input.sessionOutlivesJwt &&
      typeof jwtUser === 'string' &&
      live?.owner.kind === 'user' &&
      live.owner.user_id === jwtUser
    ) {
      return { identity: { kind: 'user', user_id: jwtUser, via: 'session' }, owner: live.owner, continues: live, refusal: null };
    }
    return refuse(input.jwt.status);
  }

  if (input.claimed?.user_id || input.claimed?.email) {
    if (input.enforce) return refuse('jwt_required');
    const userId = input.claimed.user_id ?? input.claimed.email!;
    return asUser(userId, 'unverified', continuesOwner);
  }
  return fromSessionOrLead(input, live, continuesOwner);
}

function fromSessionOrLead(
  input: ResolutionInput,
  live: Session | null,
  continuesOwner: (owner: Owner) => Session | null,
): Resolution {
  if (live) {
    const identity: IdentityResolution =
      live.owner.kind === 'user'
        ? { kind: 'user', user_id: live.owner.user_id, via: 'session' }
        : { kind: 'lead', lead_id: live.owner.lead_id, via: 'session' };
    return { identity, owner: live.owner, continues: live, refusal: null };
  }
  const anonymousId = input.claimed?.anonymous_id;
  if (anonymousId) {
    const owner: Owner = { kind: 'lead', lead_id: anonymousId };
    return { identity: { kind: 'lead', lead_id: anonymousId, via: 'anonymous_id' }, owner, continues: continuesOwner(owner), refusal: null };
  }
  return { identity: NONE, owner: null, continues: null, refusal: null };
}

function asUser(userId: string, via: IdentityResolution['via'], continuesOwner: (owner: Owner) => Session | null): Resolution {
  const owner: Owner = { kind: 'user', user_id: userId };
  return { identity: { kind: 'user', user_id: userId, via }, owner, continues: continuesOwner(owner), refusal: null };
}

function refuse(reason: Refusal): Resolution {
  return { identity: NONE, owner: null, continues: null, refusal: reason };
}
