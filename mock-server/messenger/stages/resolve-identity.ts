import { resolveIdentity } from '../identity-resolution.ts';
import type { Stage } from '../request-context.ts';

/** Who the request speaks for, by the workspace's policy: the decisive token, the claim, the session. */
export const resolveRequestIdentity: Stage = {
  name: 'resolve identity',
  run(context) {
    const { policy } = context.state;
    const resolution = resolveIdentity({
      jwt: context.jwt,
      claimed: context.claimed,
      session: context.session,
      enforce: policy.enforceIdentityVerification,
      sessionOutlivesJwt: policy.sessionOutlivesJwt,
      verify: policy.verify,
    });
    context.resolution = resolution;
    context.identity = resolution.identity;
    context.owner = resolution.owner;
  },
};
